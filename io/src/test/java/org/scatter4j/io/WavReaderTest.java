package org.scatter4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private String failure(String name, byte[] bytes) throws IOException {
        Path p = write(name, bytes);
        IOException e = assertThrows(IOException.class, () -> WavReader.read(p));
        assertTrue(e.getMessage().startsWith(p.toString() + ": "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void pcm16MonoIsScaledBy32768() throws IOException {
        byte[] wav = new WavBytes().fmt(1, 1, 8000, 16, false).chunk("data", WavBytes.pcm16(0, 16384, -32768, 32767)).build();
        WavReader.Signal s = WavReader.read(write("a.wav", wav));
        assertArrayEquals(new float[] {0f, 0.5f, -1f, 32767f / 32768f}, s.samples());
        assertEquals(8000, s.sampleRate());
        assertEquals(1, s.channels());
        assertEquals(16, s.bitsPerSample());
        assertEquals("PCM", s.encoding());
        assertEquals(4 / 8000.0, s.seconds(), 1e-15);
    }

    @Test
    void everyIntegerDepthAndFloatGiveTheSameSignal() throws IOException {
        // the same values in each encoding: 0, 0.5, -0.25, -1 (exactly representable in all)
        double[] v = {0, 0.5, -0.25, -1};
        float[] expected = {0f, 0.5f, -0.25f, -1f};
        for (int bits : new int[] {8, 16, 24, 32}) {
            ByteBuffer b = ByteBuffer.allocate(v.length * bits / 8).order(ByteOrder.LITTLE_ENDIAN);
            for (double x : v) {
                long q = Math.round(x * (1L << (bits - 1)));
                if (bits == 8) {
                    b.put((byte) (q + 128));
                } else if (bits == 16) {
                    b.putShort((short) q);
                } else if (bits == 24) {
                    b.put((byte) q).put((byte) (q >> 8)).put((byte) (q >> 16));
                } else {
                    b.putInt((int) q);
                }
            }
            for (boolean ext : new boolean[] {false, true}) {
                byte[] wav = new WavBytes().fmt(1, 1, 16000, bits, ext).chunk("data", b.array()).build();
                WavReader.Signal s = WavReader.read(write("pcm" + bits + ext + ".wav", wav));
                assertArrayEquals(expected, s.samples(), "PCM " + bits + (ext ? " extensible" : ""));
                assertEquals(bits, s.bitsPerSample());
            }
        }
        ByteBuffer f32 = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer f64 = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            f32.putFloat((float) x);
            f64.putDouble(x);
        }
        for (boolean ext : new boolean[] {false, true}) {
            WavReader.Signal s32 = WavReader.read(write("f32" + ext + ".wav",
                    new WavBytes().fmt(3, 1, 44100, 32, ext).chunk("data", f32.array()).build()));
            assertArrayEquals(expected, s32.samples());
            assertEquals("float", s32.encoding());
            WavReader.Signal s64 = WavReader.read(write("f64" + ext + ".wav",
                    new WavBytes().fmt(3, 1, 44100, 64, ext).chunk("data", f64.array()).build()));
            assertArrayEquals(expected, s64.samples());
        }
    }

    @Test
    void channelsAreMixedToTheirMean() throws IOException {
        // frames (L, R): (1000, 3000), (-2000, 0); three channels: (300, 600, 900)
        byte[] stereo = new WavBytes().fmt(1, 2, 22050, 16, false).chunk("data", WavBytes.pcm16(1000, 3000, -2000, 0)).build();
        WavReader.Signal s = WavReader.read(write("s.wav", stereo));
        assertArrayEquals(new float[] {2000 / 32768f, -1000 / 32768f}, s.samples());
        assertEquals(2, s.channels());
        byte[] three = new WavBytes().fmt(1, 3, 22050, 16, true).chunk("data", WavBytes.pcm16(300, 600, 900)).build();
        assertArrayEquals(new float[] {600 / 32768f}, WavReader.read(write("t.wav", three)).samples());
    }

    @Test
    void unknownAndOddSizedChunksAreSkipped() throws IOException {
        byte[] wav = new WavBytes().chunk("LIST", "INFOISFT\5\0\0\0sox!".getBytes()) // odd: pad byte follows
                .fmt(1, 1, 8000, 16, false).chunk("fact", new byte[] {2, 0, 0, 0}).chunk("junk", new byte[7])
                .chunk("data", WavBytes.pcm16(100, -100)).chunk("LIST", new byte[3]).build();
        assertArrayEquals(new float[] {100 / 32768f, -100 / 32768f}, WavReader.read(write("c.wav", wav)).samples());
    }

    @Test
    void refusesWhatItCannotReadWithAReason() throws IOException {
        byte[] good = new WavBytes().fmt(1, 1, 8000, 16, false).chunk("data", WavBytes.pcm16(1, 2, 3, 4)).build();
        assertTrue(failure("e.wav", new byte[0]).contains("empty file"));
        assertTrue(failure("png.wav", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}).contains("not a WAV file"));
        byte[] avi = good.clone();
        avi[8] = 'A';
        avi[9] = 'V';
        avi[10] = 'I';
        avi[11] = ' ';
        assertTrue(failure("avi.wav", avi).contains("RIFF form type is \"AVI \""));
        for (int cut : new int[] {5, 11, 20, 40, good.length - 1}) {
            assertTrue(failure("cut" + cut + ".wav", java.util.Arrays.copyOf(good, cut)).contains("truncated"), "cut at " + cut);
        }
        // sizes lying about the file: RIFF size too big, data chunk size too big, 4 GB data chunk
        byte[] riffLie = good.clone();
        ByteBuffer.wrap(riffLie).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 1 << 30);
        assertTrue(failure("riff.wav", riffLie).contains("RIFF header says 1073741832 bytes but the file has " + good.length));
        byte[] dataLie = good.clone();
        ByteBuffer.wrap(dataLie).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 1 << 30);
        assertTrue(failure("data.wav", dataLie).contains("chunk \"data\" at byte 36 says 1073741824 bytes"));
        // compressed encodings
        assertTrue(failure("ulaw.wav", new WavBytes().fmt(7, 1, 8000, 8, false).chunk("data", new byte[4]).build())
                .contains("mu-law (compressed) (format code 0x0007)"));
        assertTrue(failure("adpcm.wav", new WavBytes().fmt(2, 1, 8000, 4, false).chunk("data", new byte[4]).build())
                .contains("Microsoft ADPCM"));
        assertTrue(failure("alaw.wav", new WavBytes().fmt(6, 1, 8000, 8, true).chunk("data", new byte[4]).build())
                .contains("A-law"));
        assertTrue(failure("pcm12.wav", new WavBytes().fmt(1, 1, 8000, 12, false).chunk("data", new byte[4]).build())
                .contains("PCM (format code 0x0001) with 12 bits"));
        assertTrue(failure("nofmt.wav", new WavBytes().chunk("data", new byte[4]).build()).contains("no fmt chunk"));
        assertTrue(failure("nodata.wav", new WavBytes().fmt(1, 1, 8000, 16, false).build()).contains("no data chunk"));
        assertTrue(failure("empty.wav", new WavBytes().fmt(1, 1, 8000, 16, false).chunk("data", new byte[0]).build())
                .contains("holds no samples"));
        assertTrue(failure("partial.wav", new WavBytes().fmt(1, 2, 8000, 16, false).chunk("data", new byte[6]).build())
                .contains("not a whole number of 4-byte frames"));
        assertTrue(failure("zero.wav", new WavBytes().fmt(1, 0, 8000, 16, false).chunk("data", new byte[4]).build())
                .contains("0 channels"));
        ByteBuffer nan = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.5f).putFloat(Float.NaN);
        assertTrue(failure("nan.wav", new WavBytes().fmt(3, 1, 8000, 32, false).chunk("data", nan.array()).build())
                .contains("sample 1 of channel 0 is NaN"));
        byte[] rifx = good.clone();
        rifx[3] = 'X';
        assertTrue(failure("rifx.wav", rifx).contains("RIFX"));
    }

    /** {@link WavReader#header}: the fields {@code read} gives, and {@code read}'s refusals of the header, same messages. */
    @Test
    void headerAgreesWithReadWithoutTheSamples() throws IOException {
        byte[] stereo = new WavBytes().fmt(1, 2, 22050, 16, true).chunk("data", WavBytes.pcm16(300, 600, 900, 100, 5, 7)).build();
        Path p = write("h.wav", stereo);
        WavReader.Signal s = WavReader.read(p);
        assertEquals(new WavReader.Header(s.samples().length, s.sampleRate(), s.channels(), s.bitsPerSample()), WavReader.header(p));
        assertEquals(new WavReader.Header(3, 22050, 2, 16), WavReader.header(p));
        byte[] good = new WavBytes().fmt(1, 1, 8000, 16, false).chunk("data", WavBytes.pcm16(1, 2, 3, 4)).build();
        byte[][] bad = {java.util.Arrays.copyOf(good, 20), new WavBytes().fmt(7, 1, 8000, 8, false).chunk("data", new byte[4]).build(),
            new WavBytes().fmt(1, 1, 8000, 16, false).build(), "not a wav".getBytes()};
        for (int i = 0; i < bad.length; i++) {
            Path b = write("bad" + i + ".wav", bad[i]);
            String fromRead = assertThrows(IOException.class, () -> WavReader.read(b)).getMessage();
            assertEquals(fromRead, assertThrows(IOException.class, () -> WavReader.header(b)).getMessage());
        }
        // a NaN float sample is the samples' problem: header reads, read refuses
        ByteBuffer nan = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.5f).putFloat(Float.NaN);
        Path n = write("nan.wav", new WavBytes().fmt(3, 1, 8000, 32, false).chunk("data", nan.array()).build());
        assertEquals(2, WavReader.header(n).frames());
        assertTrue(failure("nan2.wav", Files.readAllBytes(n)).contains("is NaN"));
    }

    /** Things named .wav that are not files: refused by name and reason at once (a pipe must not block). */
    @Test
    void refusesFoldersBrokenLinksAndPipesNamedWav() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder.wav"));
        IOException e = assertThrows(IOException.class, () -> WavReader.read(folder));
        assertEquals(folder + ": is a folder, not a WAV file", e.getMessage());
        Path link = Files.createSymbolicLink(dir.resolve("link.wav"), dir.resolve("missing-target.wav"));
        e = assertThrows(IOException.class, () -> WavReader.read(link));
        assertTrue(e.getMessage().startsWith(link + ": broken symbolic link"), e.getMessage());
        e = assertThrows(IOException.class, () -> WavReader.read(dir.resolve("absent.wav")));
        assertEquals(dir.resolve("absent.wav") + ": no such file", e.getMessage());
        Path fifo = dir.resolve("pipe.wav");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        } catch (IOException noMkfifo) {
            made = false;
        }
        assumeTrue(made, "mkfifo not available");
        java.util.concurrent.ExecutorService ex = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true); // a reader blocked on the pipe must not keep the test JVM alive
            return t;
        });
        try {
            java.util.concurrent.Future<IOException> f = ex.submit(() -> assertThrows(IOException.class, () -> WavReader.read(fifo)));
            e = f.get(10, TimeUnit.SECONDS);
            assertTrue(e.getMessage().startsWith(fifo + ": not a regular file"), e.getMessage());
        } finally {
            ex.shutdownNow();
        }
    }

    /**
     * A streaming writer that cannot seek back (ffmpeg writing WAV to a pipe) leaves 0xFFFFFFFF as the
     * RIFF and data sizes: the samples run to the end of the file, and are read as from the finished
     * file; a partial last frame is still refused, and an unknown RIFF size does not excuse a data
     * size that runs past the file.
     */
    @Test
    void streamedSizesRunToTheEndOfTheFile() throws IOException {
        byte[] good = new WavBytes().fmt(1, 2, 22050, 16, false).chunk("LIST", new byte[6])
                .chunk("data", WavBytes.pcm16(100, -300, 2000, 4000, -32768, 32767)).build();
        WavReader.Signal expected = WavReader.read(write("finished.wav", good));
        int data = good.length - 12 - 4; // the data chunk's size field, just before its 12 bytes of samples
        byte[] both = good.clone();
        ByteBuffer.wrap(both).order(ByteOrder.LITTLE_ENDIAN).putInt(4, -1).putInt(data, -1);
        byte[] riffOnly = good.clone();
        ByteBuffer.wrap(riffOnly).order(ByteOrder.LITTLE_ENDIAN).putInt(4, -1);
        byte[] dataOnly = good.clone();
        ByteBuffer.wrap(dataOnly).order(ByteOrder.LITTLE_ENDIAN).putInt(data, -1);
        for (byte[] streamed : List.of(both, riffOnly, dataOnly)) {
            Path f = write("streamed.wav", streamed);
            WavReader.Signal a = WavReader.read(f);
            assertArrayEquals(expected.samples(), a.samples());
            assertEquals(expected.sampleRate(), a.sampleRate());
            assertEquals(expected.samples().length, WavReader.header(f).frames());
        }
        // cut inside a frame: a streamed file still holds whole frames or is refused
        byte[] cut = java.util.Arrays.copyOf(both, both.length - 1);
        assertTrue(failure("cut.wav", cut).contains("not a whole number of 4-byte frames"), failure("cut.wav", cut));
        // an unknown RIFF size with a data size beyond the file is still a lie
        byte[] lie = riffOnly.clone();
        ByteBuffer.wrap(lie).order(ByteOrder.LITTLE_ENDIAN).putInt(data, 1 << 20);
        assertTrue(failure("lie.wav", lie).contains("says 1048576 bytes"), failure("lie.wav", lie));
    }

    @Test
    void headerFieldsThatMakeNoSenseGetTheirOwnMessage() throws IOException {
        byte[] good = new WavBytes().fmt(1, 1, 8000, 16, false).chunk("data", WavBytes.pcm16(1, 2, 3, 4)).build();
        byte[] riff0 = good.clone();
        ByteBuffer.wrap(riff0).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0);
        String m = failure("riff0.wav", riff0);
        assertTrue(m.contains("RIFF size is 0"), m);
        // WAVE_FORMAT_EXTENSIBLE whose cbSize (bytes 16-17 of fmt, file offset 36) is below 22
        byte[] ext = new WavBytes().fmt(1, 1, 8000, 16, true).chunk("data", WavBytes.pcm16(1, 2)).build();
        ByteBuffer.wrap(ext).order(ByteOrder.LITTLE_ENDIAN).putShort(36, (short) 0);
        m = failure("cb.wav", ext);
        assertTrue(m.contains("WAVE_FORMAT_EXTENSIBLE") && m.contains("cbSize 0") && m.contains("at least 22"), m);
        // a 64-bit float sample beyond float32's range would become infinity: refused, naming the sample
        ByteBuffer big = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.25).putDouble(1e300);
        m = failure("f64big.wav", new WavBytes().fmt(3, 1, 8000, 64, false).chunk("data", big.array()).build());
        assertTrue(m.contains("sample 1") && m.contains("1.0E300") && m.contains("float32"), m);
        ByteBuffer max = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(-Float.MAX_VALUE).putDouble(Float.MAX_VALUE);
        float[] kept = WavReader.read(write("f64max.wav", new WavBytes().fmt(3, 1, 8000, 64, false).chunk("data", max.array()).build()))
                .samples();
        assertArrayEquals(new float[] {-Float.MAX_VALUE, Float.MAX_VALUE}, kept);
    }

    @Test
    void declaredSizeAboveTheLimitIsRefusedBeforeAllocating() throws IOException {
        // a real 64 KB data chunk read with a 16 KB limit
        byte[] wav = new WavBytes().fmt(1, 1, 8000, 16, false).chunk("data", new byte[1 << 16]).build();
        Path p = write("big.wav", wav);
        String old = System.setProperty(ReadLimit.PROPERTY, "16k");
        try {
            IOException e = assertThrows(IOException.class, () -> WavReader.read(p));
            assertTrue(e.getMessage().contains("32768 frames needs 128.0 KB of memory to read, more than the limit of 16.0 KB"),
                    e.getMessage());
        } finally {
            restore(old);
        }
    }

    static void restore(String old) {
        if (old == null) {
            System.clearProperty(ReadLimit.PROPERTY);
        } else {
            System.setProperty(ReadLimit.PROPERTY, old);
        }
    }

    /** The Free Spoken Digit Dataset in ../shared (skipped without it): all 3000 recordings read. */
    @Test
    void everyFsddRecordingReads() throws IOException {
        Path folder = TestFiles.sharedData("fsdd").resolve("recordings");
        assumeTrue(Files.isDirectory(folder), "no FSDD at " + folder);
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
        assertEquals(3000, files.size());
        for (Path f : files) {
            WavReader.Signal s = WavReader.read(f);
            assertEquals(8000, s.sampleRate(), f.toString());
            assertEquals((Files.size(f) - 44) / 2, s.samples().length, f.toString());
            for (float x : s.samples()) {
                assertTrue(x >= -1 && x < 1, f.toString());
            }
        }
        // first samples of 0_jackson_0.wav: 8f fe 51 fe = -369, -431
        float[] first = WavReader.read(folder.resolve("0_jackson_0.wav")).samples();
        assertEquals(-369 / 32768f, first[0]);
        assertEquals(-431 / 32768f, first[1]);
    }

    /** Files written by sox, when installed: every encoding it writes that we read, and a refused one. */
    @Test
    void soxFilesRead() throws Exception {
        assumeTrue(sox("-n", dir.resolve("probe.wav").toString(), "trim", "0", "0.01"), "sox not available");
        Path ref = dir.resolve("ref.wav");
        assertTrue(sox("-n", "-r", "8000", "-b", "16", "-c", "1", ref.toString(), "synth", "0.1", "sine", "440", "vol", "0.5"));
        float[] expected = WavReader.read(ref).samples();
        String[][] variants = {{"-b", "8", "-e", "unsigned-integer"}, {"-b", "24"}, {"-b", "32"}, {"-b", "32", "-e", "floating-point"},
            {"-b", "64", "-e", "floating-point"}, {"-b", "16", "-c", "2"}, {"-b", "24", "-c", "6"}};
        for (String[] v : variants) {
            Path out = dir.resolve("v" + String.join("", v) + ".wav");
            String[] cmd = new String[v.length + 3];
            cmd[0] = "-D"; // no dither: the 8-bit file holds the rounded samples
            cmd[1] = ref.toString();
            System.arraycopy(v, 0, cmd, 2, v.length);
            cmd[cmd.length - 1] = out.toString();
            assertTrue(sox(cmd), String.join(" ", cmd));
            float[] got = WavReader.read(out).samples();
            assertEquals(expected.length, got.length);
            double tolerance = v[1].equals("8") ? 1.0 / 256 : 1e-6; // 8 bits: half a step of 1/128
            for (int i = 0; i < got.length; i++) {
                assertEquals(expected[i], got[i], tolerance, String.join(" ", v) + " sample " + i);
            }
        }
        Path ulaw = dir.resolve("ulaw.wav");
        assertTrue(sox(ref.toString(), "-e", "u-law", ulaw.toString()));
        IOException e = assertThrows(IOException.class, () -> WavReader.read(ulaw));
        assertTrue(e.getMessage().contains("mu-law"), e.getMessage());
    }

    private static boolean sox(String... args) {
        try {
            String[] cmd = new String[args.length + 1];
            cmd[0] = "sox";
            System.arraycopy(args, 0, cmd, 1, args.length);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
