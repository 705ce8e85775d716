package org.scatter4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FSDD's official split, the two labelled-folder layouts, the bundled subset, and refusals. */
class SpokenDigitsTest {
    @TempDir
    Path tmp;

    static void wav(Path file, int rate, int... samples) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new WavBytes().fmt(1, 1, rate, 16, false).chunk("data", WavBytes.pcm16(samples)).build());
    }

    @Test
    void officialSplitPutsIndicesBelowFiveInTheTestSet() throws IOException {
        Path rec = tmp.resolve("fsdd/recordings");
        for (String name : new String[] {"0_ann_0.wav", "0_ann_4.wav", "0_ann_5.wav", "1_ann_3.wav", "1_ann_12.wav",
            "10_bob_7.wav"}) {
            wav(rec.resolve(name), 8000, 100, -200, 300);
        }
        Files.writeString(rec.resolve("README.txt"), "ignored");
        SpokenDigits.Split s = SpokenDigits.inFolder(tmp.resolve("fsdd"));
        assertEquals(List.of("0", "1", "10"), s.train().classes(), "numeric labels sort as numbers");
        assertEquals(3, s.train().size());
        assertEquals(3, s.test().size());
        assertArrayEquals(new int[] {0, 2, 1}, s.train().labels()); // file-name order: 0_ann_5, 10_bob_7, 1_ann_12
        assertEquals(8000, s.test().sampleRate());
        assertEquals(100 / 32768f, s.test().signals().get(0)[0], 0f);
    }

    @Test
    void foldersAcceptBothLayoutsAndShareTheClasses() throws IOException {
        wav(tmp.resolve("train/yes_a.wav"), 16000, 1, 2);
        wav(tmp.resolve("train/no_b.wav"), 16000, 3, 4);
        wav(tmp.resolve("train/maybe_c.wav"), 16000, 1, 3); // every test class needs training recordings
        wav(tmp.resolve("test/yes/x.wav"), 16000, 5, 6);
        wav(tmp.resolve("test/maybe/y.wav"), 16000, 7, 8);
        SpokenDigits.Split s = SpokenDigits.folders(tmp.resolve("train"), tmp.resolve("test"));
        assertEquals(List.of("maybe", "no", "yes"), s.train().classes());
        assertEquals(s.train().classes(), s.test().classes());
        assertArrayEquals(new int[] {0, 1, 2}, s.train().labels());
        assertArrayEquals(new int[] {0, 2}, s.test().labels());
    }

    @Test
    void badFoldersAreRefusedNamingTheFile() throws IOException {
        wav(tmp.resolve("flat/nolabel.wav"), 8000, 1);
        IOException e = assertThrows(IOException.class, () -> WavFolder.listLabelled(tmp.resolve("flat")));
        assertTrue(e.getMessage().contains("nolabel.wav"), e.getMessage());
        Files.createDirectories(tmp.resolve("empty"));
        e = assertThrows(IOException.class, () -> WavFolder.listLabelled(tmp.resolve("empty")));
        assertTrue(e.getMessage().contains("no recordings"), e.getMessage());
        wav(tmp.resolve("rates/a_1.wav"), 8000, 1);
        wav(tmp.resolve("rates/b_1.wav"), 16000, 1);
        List<WavFolder.Entry> entries = WavFolder.listLabelled(tmp.resolve("rates"));
        e = assertThrows(IOException.class, () -> WavFolder.read(entries, WavFolder.classes(entries)));
        assertTrue(e.getMessage().contains("a_1.wav") && e.getMessage().contains("b_1.wav"), e.getMessage());
        wav(tmp.resolve("odd/3_x.wav"), 8000, 1);
        e = assertThrows(IOException.class, () -> SpokenDigits.inFolder(tmp.resolve("odd")));
        assertTrue(e.getMessage().contains("3_x.wav") && e.getMessage().contains("{digit}_{speaker}_{index}"), e.getMessage());
        wav(tmp.resolve("fsdd/0_ann_0.wav"), 8000, 1); // digit 1 is only in the test set
        wav(tmp.resolve("fsdd/0_ann_5.wav"), 8000, 1);
        wav(tmp.resolve("fsdd/1_ann_2.wav"), 8000, 1);
        e = assertThrows(IOException.class, () -> SpokenDigits.inFolder(tmp.resolve("fsdd")));
        assertTrue(e.getMessage().contains("1_ann_2.wav: test class '1' has no training recordings"), e.getMessage());
    }

    @Test
    void bundledSubsetHasTheRecordingsItsReadmeLists() throws IOException {
        SpokenDigits.Split s = SpokenDigits.bundledSubset();
        assertEquals(300, s.train().size());
        assertEquals(120, s.test().size());
        assertEquals(10, s.train().classes().size());
        assertEquals(8000, s.train().sampleRate());
        for (int count : s.test().classCounts()) {
            assertEquals(12, count);
        }
    }
}
