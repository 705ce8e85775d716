package org.scatter4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {

    @TempDir
    Path tmp;

    private static List<String> names(List<Path> paths) {
        return paths.stream().map(p -> p.getFileName().toString()).collect(Collectors.toList());
    }

    private void pgm(Path p, int value) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "P2 1 1 255\n" + value + "\n");
    }

    @Test
    void listsImagesSortedByNameSkippingOthers() throws IOException {
        for (String n : new String[] {"b.png", "a.PNG", "c.jpeg", "img10.pgm", "img2.pgm", "notes.txt",
                ".hidden.png", "noext", "x.gif", "y.bmp", "z.JPG"}) {
            Files.writeString(tmp.resolve(n), "");
        }
        Files.createDirectories(tmp.resolve("d.png"));
        assertEquals(List.of("a.PNG", "b.png", "c.jpeg", "img10.pgm", "img2.pgm", "x.gif", "y.bmp", "z.JPG"),
                names(ImageFolder.listImages(tmp)));
        assertTrue(ImageFolder.isImageName("photo.JpEg"));
        assertTrue(!ImageFolder.isImageName(".png"));
        IOException e = assertThrows(IOException.class, () -> ImageFolder.listImages(tmp.resolve("nope")));
        assertEquals(tmp.resolve("nope") + ": image folder does not exist or is not a directory", e.getMessage());
    }

    @Test
    void readsKthTipsSampleAsLabelledSet() throws IOException {
        LabelledGreyImages set = ImageFolder.readLabelled(TestFiles.resource("kth-tips"));
        assertEquals(List.of("aluminium_foil", "brown_bread"), set.classNames());
        assertEquals(3, set.size());
        assertArrayEquals(new int[] {0, 0, 1}, set.labels());
        assertEquals(List.of("15-scale_1_im_1_grey.png", "15-scale_1_im_2_grey.png", "48-scale_6_im_1_grey.png"),
                names(set.files()));
        assertEquals(156 / 255.0, set.image(1).get(0, 0));
        assertEquals(248, set.image(2).width());
        assertEquals(ImageReader.readGrey(set.file(2)), set.image(2));
    }

    @Test
    void classesAreSortedAndLabelledInNameOrder() throws IOException {
        pgm(tmp.resolve("zebra/1.pgm"), 10);
        pgm(tmp.resolve("apple/2.pgm"), 20);
        pgm(tmp.resolve("apple/1.pgm"), 30);
        pgm(tmp.resolve("Mango/1.pgm"), 40);
        Files.createDirectories(tmp.resolve(".git"));
        Files.writeString(tmp.resolve("README.txt"), "ignored");
        LabelledGreyImages set = ImageFolder.readLabelled(tmp);
        assertEquals(List.of("Mango", "apple", "zebra"), set.classNames());
        assertArrayEquals(new int[] {0, 1, 1, 2}, set.labels());
        assertEquals(30 / 255.0, set.image(1).get(0, 0)); // apple/1.pgm before apple/2.pgm
        assertEquals(3, set.classCount());
    }

    @Test
    void errorsNameTheFolderOrFile() throws IOException {
        IOException none = assertThrows(IOException.class, () -> ImageFolder.readLabelled(tmp));
        assertEquals(tmp + ": no class folders: expected one sub-folder of images per class", none.getMessage());

        pgm(tmp.resolve("a/1.pgm"), 1);
        Files.createDirectories(tmp.resolve("b"));
        Files.writeString(tmp.resolve("b/readme.txt"), "not an image");
        IOException empty = assertThrows(IOException.class, () -> ImageFolder.readLabelled(tmp));
        assertTrue(empty.getMessage().startsWith(tmp.resolve("b") + ": class 'b' has no images"), empty.getMessage());

        Files.writeString(tmp.resolve("b/broken.png"), "this is not a png");
        IOException bad = assertThrows(IOException.class, () -> ImageFolder.readLabelled(tmp));
        assertTrue(bad.getMessage().startsWith(tmp.resolve("b/broken.png") + ": "), bad.getMessage());

        assertThrows(IOException.class, () -> ImageFolder.readLabelled(tmp.resolve("missing")));
    }
}
