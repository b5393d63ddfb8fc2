package org.genscope.data;

import static org.genscope.data.TestFiles.floats;
import static org.genscope.data.TestFiles.gzip;
import static org.genscope.data.TestFiles.idx;
import static org.genscope.data.TestFiles.ubytes;
import static org.genscope.data.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    private final byte[] twoImages = idx(0x08, new int[] {2, 2, 3}, ubytes(0, 1, 2, 3, 4, 5, 255, 254, 253, 252, 251, 250));

    @Test
    void readsRawImagesAsOneRowPerImage() throws Exception {
        FMatrixRMaj m = IdxReader.readImages(write(dir, "img.idx", twoImages));
        assertEquals(2, m.numRows);
        assertEquals(6, m.numCols);
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, Arrays.copyOfRange(m.data, 0, 6));
        assertEquals(255f, m.get(1, 0));
        assertEquals(250f, m.get(1, 5));
    }

    @Test
    void detectsGzipByMagicNotByName() throws Exception {
        ArrayData gz = IdxReader.read(write(dir, "compressed-but-named.idx", gzip(twoImages)));
        ArrayData raw = IdxReader.read(write(dir, "raw-but-named.gz", twoImages));
        assertEquals("IDX (gzip)", gz.format());
        assertEquals("IDX", raw.format());
        assertArrayEquals(new int[] {2, 2, 3}, gz.shape());
        assertArrayEquals(raw.data(), gz.data());
        assertEquals("uint8", gz.dtype());
    }

    @Test
    void readsLabels() throws Exception {
        int[] y = IdxReader.readLabels(write(dir, "lab.idx", gzip(idx(0x08, new int[] {5}, ubytes(3, 1, 4, 1, 5)))));
        assertArrayEquals(new int[] {3, 1, 4, 1, 5}, y);
    }

    @Test
    void readsBigEndianFloatsAndShorts() throws Exception {
        ArrayData f = IdxReader.read(write(dir, "f.idx",
                idx(0x0D, new int[] {1, 1, 3}, floats(ByteOrder.BIG_ENDIAN, 0.25f, -1.5f, 3e7f))));
        assertEquals("float32", f.dtype());
        assertArrayEquals(new float[] {0.25f, -1.5f, 3e7f}, f.data());
        byte[] shorts = ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putShort((short) -300).putShort((short) 7)
                .array();
        ArrayData s = IdxReader.read(write(dir, "s.idx", idx(0x0B, new int[] {2}, shorts)));
        assertArrayEquals(new float[] {-300, 7}, s.data());
    }

    @Test
    void binarizedMnistTrainIs50000BinaryImages() throws Exception {
        ArrayData a = IdxReader.read(Path.of("sample-data/binarized-mnist/binarized-mnist-train-images-idx3-ubyte.gz"));
        assertArrayEquals(new int[] {50000, 28, 28}, a.shape());
        FMatrixRMaj m = a.toMatrix();
        assertEquals(784, m.numCols);
        long ones = 0;
        for (float v : a.data()) {
            assertTrue(v == 0f || v == 1f, "binarized MNIST holds only 0 and 1, found " + v);
            if (v == 1f) ones++;
        }
        double mean = ones / (double) a.data().length;
        assertTrue(mean > 0.10 && mean < 0.16, "fraction of ink pixels in MNIST is about 0.13, got " + mean);
    }

    @Test
    void labelledSampleHasAbout1000PerClass() throws Exception {
        int[] y = IdxReader.readLabels(Path.of("sample-data/mnist/mnist-sample10k-labels-idx1-ubyte.gz"));
        assertEquals(10000, y.length);
        var counts = Labels.counts(y);
        assertEquals(10, counts.size());
        counts.forEach((k, n) -> assertTrue(n > 850 && n < 1150, "class " + k + " has " + n));
        FMatrixRMaj x = IdxReader.readImages(Path.of("sample-data/mnist/mnist-sample10k-images-idx3-ubyte.gz"));
        assertEquals(10000, x.numRows);
        assertEquals(255f, org.ejml.dense.row.CommonOps_FDRM.elementMax(x));
    }

    // ---- the corpus of bad files: each must fail with a message naming the file and the problem ----

    private String failure(String name, byte[] content) {
        return TestFiles.rejection(IdxReader::read, dir, name, content);
    }

    @Test
    void rejectsEmptyFile() {
        assertTrue(failure("empty.idx", new byte[0]).contains("empty file"));
        assertTrue(failure("empty.gz", gzip(new byte[0])).contains("empty"));
    }

    @Test
    void rejectsBadMagic() {
        String m = failure("text.idx", "hello world, not idx".getBytes());
        assertTrue(m.contains("bad magic") && m.contains("not an IDX file"), m);
        assertTrue(failure("badtype.idx", idx(0x07, new int[] {1}, ubytes(1))).contains("bad magic"));
        assertTrue(failure("nodims.idx", ubytes(0, 0, 8, 0, 1, 2)).contains("dimensions"));
    }

    @Test
    void rejectsTruncatedData() {
        byte[] cut = Arrays.copyOf(twoImages, twoImages.length - 3);
        String raw = failure("cut.idx", cut);
        assertTrue(raw.contains("truncated") && raw.contains("12 bytes"), raw);
        String gz = failure("cut.idx.gz", gzip(cut));
        assertTrue(gz.contains("truncated") && gz.contains("ends after 9"), gz);
        assertTrue(failure("cutheader.idx", Arrays.copyOf(twoImages, 9)).contains("truncated"));
    }

    @Test
    void rejectsTruncatedGzipStream() {
        byte[] gz = gzip(twoImages);
        assertTrue(failure("cutstream.gz", Arrays.copyOf(gz, gz.length - 10)).contains("gzip"));
    }

    @Test
    void rejectsAbsurdHeaderWithoutAllocating() {
        // 2^31 × 28 × 28 images in a 100-byte file: must be refused from the header, not by running out of memory
        byte[] absurd = Arrays.copyOf(idx(0x08, new int[] {0x80000000, 28, 28}, new byte[0]), 100);
        String raw = failure("absurd.idx", absurd);
        assertTrue(raw.contains("2147483648×28×28") && raw.contains("file has only"), raw);
        String gz = failure("absurd.idx.gz", gzip(absurd));
        assertTrue(gz.contains("can expand to at most"), gz);
        // a dimension of 2^32-1 (negative as a Java int) is treated as unsigned and refused too
        assertTrue(failure("neg.idx", idx(0x08, new int[] {-1}, ubytes(1))).contains("4294967295"));
    }

    @Test
    void rejectsTrailingData() {
        byte[] longer = Arrays.copyOf(twoImages, twoImages.length + 5);
        assertTrue(failure("long.idx", longer).contains("more data than the IDX header"));
    }

    @Test
    void rejectsZeroDimensionAndNonFiniteFloats() {
        assertTrue(failure("zero.idx", idx(0x08, new int[] {0, 28, 28}, new byte[0])).contains("zero dimension"));
        byte[] nan = idx(0x0D, new int[] {2}, floats(ByteOrder.BIG_ENDIAN, 1f, Float.NaN));
        assertTrue(failure("nan.idx", nan).contains("index 1 is not a finite number"));
    }

    @Test
    void rejectsWrongDimensionForImagesAndLabels() {
        Path labels = write(dir, "labels.idx", idx(0x08, new int[] {3}, ubytes(1, 2, 3)));
        String m = assertThrows(DataFormatException.class, () -> IdxReader.readImages(labels)).getMessage();
        assertTrue(m.contains("wrong dimension") && m.contains("label file"), m);
        Path images = write(dir, "images.idx", twoImages);
        m = assertThrows(DataFormatException.class, () -> IdxReader.readLabels(images)).getMessage();
        assertTrue(m.contains("wrong dimension") && m.contains("2×2×3"), m);
    }

    @Test
    void rejectsMissingFileAndDirectory() throws Exception {
        Path missing = dir.resolve("nope.idx");
        assertTrue(assertThrows(DataFormatException.class, () -> IdxReader.read(missing)).getMessage()
                .equals(missing + ": file not found"));
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertEquals(sub + ": is a directory, not a data file",
                assertThrows(DataFormatException.class, () -> IdxReader.read(sub)).getMessage());
    }
}
