package org.scatter4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistDownloadTest {

    private static final String LABELS = "t10k-labels-idx1-ubyte.gz";

    @TempDir
    Path tmp;

    private static final MnistDownload.Opener NO_NETWORK = uri -> {
        throw new AssertionError("must not open " + uri);
    };

    /** The folder holding the real t10k labels file, as a file: mirror. */
    private static URI localMirror() {
        return TestFiles.resource("mnist").toUri();
    }

    private List<String> leftovers(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part")).toList();
        }
    }

    @Test
    void sha256OfKnownInput() throws IOException {
        Path p = tmp.resolve("abc");
        Files.writeString(p, "abc");
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", MnistDownload.sha256(p));
    }

    @Test
    void checksumTableMatchesTheDataReadme() {
        assertEquals(List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
                LABELS), List.copyOf(MnistDownload.SHA256.keySet()));
        assertEquals("909a5aeb9fcec3f171b427c45622a55f69dc15dd80bd0624413cbfbe12553c1c", MnistDownload.SHA256.get(LABELS));
        assertEquals("d2cebd02927d553943b2679536bf602ec0cdcb6555ad87dda5d640e1d425faaf",
                MnistDownload.SHA256.get("train-images-idx3-ubyte.gz"));
        assertEquals(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"), MnistDownload.DEFAULT_MIRRORS.get(0));
    }

    @Test
    void defaultChecksumsMatchTheSharedFilesWhenAvailable() throws IOException {
        Path shared = TestFiles.sharedMnist();
        assumeTrue(Files.isDirectory(shared), "full MNIST not on this machine");
        for (Map.Entry<String, String> e : MnistDownload.SHA256.entrySet()) {
            assertEquals(e.getValue(), MnistDownload.sha256(shared.resolve(e.getKey())), e.getKey());
        }
    }

    @Test
    void downloadsRealFileFromFileMirrorVerifyingTheRealChecksum() throws IOException {
        MnistDownload d = new MnistDownload(List.of(localMirror()), MnistDownload.URL_OPENER);
        Path target = tmp.resolve("mnist");
        Path got = d.download(LABELS, target);
        assertEquals(target.resolve(LABELS), got);
        assertArrayEquals(Files.readAllBytes(TestFiles.resource("mnist/" + LABELS)), Files.readAllBytes(got));
        assertEquals(List.of(), leftovers(target));
        assertEquals(10000, IdxReader.readLabels(got).length);
    }

    @Test
    void existingValidFileIsKeptWithoutNetwork() throws IOException {
        Path target = tmp.resolve(LABELS);
        Files.copy(TestFiles.resource("mnist/" + LABELS), target);
        long modified = Files.getLastModifiedTime(target).toMillis();
        Path got = new MnistDownload(List.of(localMirror()), NO_NETWORK).download(LABELS, tmp);
        assertEquals(target, got);
        assertEquals(modified, Files.getLastModifiedTime(target).toMillis());
    }

    @Test
    void existingInvalidFileIsNeverOverwritten() throws IOException {
        Path target = tmp.resolve(LABELS);
        Files.writeString(target, "half a download");
        IOException e = assertThrows(IOException.class,
                () -> new MnistDownload(List.of(localMirror()), NO_NETWORK).download(LABELS, tmp));
        assertTrue(e.getMessage().startsWith(target + ": exists but its SHA-256 is "), e.getMessage());
        assertTrue(e.getMessage().contains("expected 909a5aeb"), e.getMessage());
        assertTrue(e.getMessage().contains("delete it to download again"), e.getMessage());
        assertEquals("half a download", Files.readString(target));
    }

    /** Serves fixed bytes per URI (or a 404) and records the order of requests. */
    private static final class FakeMirrors implements MnistDownload.Opener {
        final Map<URI, byte[]> content = new LinkedHashMap<>();
        final List<URI> requests = new ArrayList<>();

        @Override
        public InputStream open(URI uri) throws IOException {
            requests.add(uri);
            byte[] b = content.get(uri);
            if (b == null) {
                throw new FileNotFoundException("HTTP 404 for " + uri);
            }
            return new ByteArrayInputStream(b);
        }
    }

    private static final URI A = URI.create("https://a.example/mnist/");
    private static final URI B = URI.create("https://b.example/m/");
    private static final URI C = URI.create("https://c.example/");

    @Test
    void triesMirrorsInOrderUntilTheChecksumMatches() throws IOException {
        byte[] real = Files.readAllBytes(TestFiles.resource("mnist/" + LABELS));
        FakeMirrors web = new FakeMirrors();
        web.content.put(B.resolve(LABELS), "<html>captive portal</html>".getBytes(StandardCharsets.UTF_8));
        web.content.put(C.resolve(LABELS), real);
        Path got = new MnistDownload(List.of(A, B, C), web).download(LABELS, tmp);
        assertEquals(List.of(A.resolve(LABELS), B.resolve(LABELS), C.resolve(LABELS)), web.requests);
        assertArrayEquals(real, Files.readAllBytes(got));
        assertEquals(List.of(), leftovers(tmp));
    }

    @Test
    void failureListsEveryMirrorAndLeavesNothingBehind() throws IOException {
        FakeMirrors web = new FakeMirrors();
        web.content.put(B.resolve(LABELS), new byte[] {1, 2, 3});
        IOException e = assertThrows(IOException.class,
                () -> new MnistDownload(List.of(A, B), web).download(LABELS, tmp));
        String m = e.getMessage();
        assertTrue(m.startsWith(tmp.resolve(LABELS) + ": could not download from any mirror:"), m);
        assertTrue(m.contains("https://a.example/mnist/" + LABELS + ": not found (HTTP 404"), m);
        assertTrue(m.contains("https://b.example/m/" + LABELS + ": SHA-256 of the 3 bytes received is "
                + "039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81, expected 909a5aeb"), m);
        assertFalse(Files.exists(tmp.resolve(LABELS)));
        assertEquals(List.of(), leftovers(tmp));
    }

    @Test
    void interruptedTransferIsReportedAndCleanedUp() throws IOException {
        MnistDownload.Opener broken = uri -> new InputStream() {
            int n;

            @Override
            public int read() throws IOException {
                if (n++ < 100) {
                    return 7;
                }
                throw new IOException("connection reset");
            }
        };
        IOException e = assertThrows(IOException.class, () -> new MnistDownload(List.of(A), broken).download(LABELS, tmp));
        assertTrue(e.getMessage().contains("connection reset"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve(LABELS)));
        assertEquals(List.of(), leftovers(tmp));
    }

    @Test
    void progressGoesToTheLogAndTheTemporaryIsHiddenWhileTheTransferRuns() throws IOException {
        byte[] real = Files.readAllBytes(TestFiles.resource("mnist/" + LABELS));
        List<String> seenDuringTransfer = new java.util.ArrayList<>();
        MnistDownload.Opener watching = uri -> {
            try (Stream<Path> s = Files.list(tmp)) {
                s.map(p -> p.getFileName().toString()).forEach(seenDuringTransfer::add);
            }
            return new java.io.ByteArrayInputStream(real);
        };
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        new MnistDownload(List.of(A), watching).log(new java.io.PrintStream(log, true, StandardCharsets.UTF_8)).download(LABELS, tmp);
        assertEquals(1, seenDuringTransfer.size(), seenDuringTransfer.toString());
        String part = seenDuringTransfer.get(0);
        assertTrue(part.startsWith("." + LABELS + ".") && part.endsWith(".part"), part);
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("fetching " + A.resolve(LABELS)), text);
        assertTrue(text.contains(LABELS + ": 0.0 MB in "), text);
        assertEquals(List.of(LABELS), Files.list(tmp).map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void downloadAllFetchesOnlyWhatIsMissing() throws IOException {
        Path mirror = tmp.resolve("mirror");
        Files.createDirectories(mirror);
        Map<String, String> sums = new LinkedHashMap<>();
        for (String name : MnistDownload.SHA256.keySet()) {
            Files.writeString(mirror.resolve(name), "stand-in for " + name);
            sums.put(name, MnistDownload.sha256(mirror.resolve(name)));
        }
        Path target = tmp.resolve("target");
        Files.createDirectories(target);
        Files.copy(mirror.resolve("train-labels-idx1-ubyte.gz"), target.resolve("train-labels-idx1-ubyte.gz"));
        List<URI> opened = new ArrayList<>();
        MnistDownload.Opener logging = uri -> {
            opened.add(uri);
            return MnistDownload.URL_OPENER.open(uri);
        };
        List<Path> files = new MnistDownload(List.of(mirror.toUri()), logging, sums).downloadAll(target);
        assertEquals(4, files.size());
        assertEquals(3, opened.size());
        for (Path f : files) {
            assertEquals("stand-in for " + f.getFileName(), Files.readString(f));
        }
        assertEquals(List.of(), leftovers(target));
    }

    @Test
    void argumentsAreChecked() {
        MnistDownload d = new MnistDownload(List.of(A), NO_NETWORK);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.download("mnist.zip", tmp));
        assertTrue(e.getMessage().startsWith("unknown MNIST file 'mnist.zip'; expected one of"));
        assertThrows(IllegalArgumentException.class, () -> new MnistDownload(List.of(URI.create("https://x/mnist")), NO_NETWORK));
        assertThrows(IllegalArgumentException.class, () -> new MnistDownload(List.of(), NO_NETWORK));
    }
}
