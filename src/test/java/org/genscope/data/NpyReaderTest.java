package org.genscope.data;

import static org.genscope.data.TestFiles.doubles;
import static org.genscope.data.TestFiles.floats;
import static org.genscope.data.TestFiles.gzip;
import static org.genscope.data.TestFiles.npy;
import static org.genscope.data.TestFiles.ubytes;
import static org.genscope.data.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyReaderTest {
    @TempDir
    Path dir;

    private static final float[] SIX = {1.5f, -2f, 3.25f, 0f, 1e-3f, 7f};

    @Test
    void readsV1Float32LittleEndian() throws Exception {
        byte[] b = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", floats(ByteOrder.LITTLE_ENDIAN, SIX));
        assertEquals(0, (b.length - 24) % 64 == 0 ? 0 : (b.length - 24) % 64);   // data starts 64-aligned
        ArrayData a = NpyReader.read(write(dir, "a.npy", b));
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(SIX, a.data());
        assertEquals("float32", a.dtype());
        assertEquals("NPY v1.0", a.format());
    }

    @Test
    void readsV1Float64BigEndian() throws Exception {
        byte[] b = npy(1, "{'descr': '>f8', 'fortran_order': False, 'shape': (6,), }",
                doubles(ByteOrder.BIG_ENDIAN, 1.5, -2, 3.25, 0, 1e-3, 7));
        ArrayData a = NpyReader.read(write(dir, "b.npy", b));
        assertArrayEquals(new int[] {6}, a.shape());
        assertArrayEquals(SIX, a.data());
        assertEquals("float64", a.dtype());
    }

    @Test
    void readsV1Uint8() throws Exception {
        byte[] b = npy(1, "{'descr': '|u1', 'fortran_order': False, 'shape': (2, 2), }", ubytes(0, 1, 128, 255));
        ArrayData a = NpyReader.read(write(dir, "c.npy", b));
        assertArrayEquals(new float[] {0, 1, 128, 255}, a.data());
        assertEquals("uint8", a.dtype());
    }

    @Test
    void readsV2AndV3HeadersAndGzip() throws Exception {
        byte[] payload = floats(ByteOrder.LITTLE_ENDIAN, SIX);
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }";
        for (int v : new int[] {2, 3}) {
            ArrayData a = NpyReader.read(write(dir, "v" + v + ".npy", npy(v, dict, payload)));
            assertArrayEquals(new int[] {3, 2}, a.shape());
            assertArrayEquals(SIX, a.data());
            assertEquals("NPY v" + v + ".0", a.format());
        }
        ArrayData g = NpyReader.read(write(dir, "g.npy", gzip(npy(1, dict, payload))));
        assertEquals("NPY v1.0 (gzip)", g.format());
        assertArrayEquals(SIX, g.data());
    }

    @Test
    void transposesFortranOrderIntoCOrder() throws Exception {
        // the 2×3 matrix [[1,2,3],[4,5,6]] stored column-major is 1 4 2 5 3 6
        byte[] b = npy(1, "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }",
                floats(ByteOrder.LITTLE_ENDIAN, 1, 4, 2, 5, 3, 6));
        ArrayData a = NpyReader.read(write(dir, "f.npy", b));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, a.data());
        assertTrue(a.format().contains("Fortran"));
        // 3-D: element (i,j,k) of shape (2,2,2) has C offset 4i+2j+k and Fortran offset i+2j+4k
        float[] f = new float[8];
        for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) for (int k = 0; k < 2; k++) f[i + 2 * j + 4 * k] = 4 * i + 2 * j + k;
        ArrayData c = NpyReader.read(write(dir, "f3.npy", npy(1,
                "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2, 2), }", floats(ByteOrder.LITTLE_ENDIAN, f))));
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7}, c.data());
    }

    // ---- bad files ----

    private String failure(String name, byte[] content) {
        return TestFiles.rejection(NpyReader::read, dir, name, content);
    }

    @Test
    void rejectsUnsupportedDtypes() {
        String m = failure("c8.npy", npy(1, "{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }", new byte[8]));
        assertTrue(m.contains("unsupported NPY dtype '<c8'"), m);
        String s = failure("rec.npy", npy(1, "{'descr': [('x', '<f4')], 'fortran_order': False, 'shape': (1,), }",
                new byte[4]));
        assertTrue(s.contains("structured"), s);
        assertTrue(failure("str.npy", npy(1, "{'descr': '<U3', 'fortran_order': False, 'shape': (1,), }",
                new byte[12])).contains("unsupported NPY dtype"));
    }

    @Test
    void rejectsBadMagicTruncationAndTrailingData() {
        assertTrue(failure("x.npy", "PK\3\4 a zip file".getBytes()).contains("bad magic"));
        byte[] good = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", floats(ByteOrder.LITTLE_ENDIAN, SIX));
        String t = failure("t.npy", Arrays.copyOf(good, good.length - 1));
        assertTrue(t.contains("truncated"), t);
        assertTrue(failure("long.npy", Arrays.copyOf(good, good.length + 4)).contains("more data than"));
        assertTrue(failure("hdr.npy", Arrays.copyOf(good, 30)).contains("ends inside the NPY header"));
        assertTrue(failure("empty.npy", new byte[0]).contains("empty file"));
    }

    @Test
    void rejectsAbsurdShapeBeforeAllocating() {
        byte[] b = Arrays.copyOf(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2147483648, 28, 28), }",
                new byte[0]), 128);
        String m = failure("huge.npy", b);
        assertTrue(m.contains("out of range"), m);
        byte[] c = Arrays.copyOf(npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2147483647, 28, 28), }",
                new byte[0]), 200);
        String n = failure("huge2.npy", c);
        assertTrue(n.contains("2147483647×28×28") && n.contains("file has only"), n);
        assertTrue(failure("huge3.npy", gzip(c)).contains("can expand to at most"));
    }

    @Test
    void rejectsCorruptHeaders() {
        assertTrue(failure("noshape.npy", npy(1, "{'descr': '<f4', 'fortran_order': False}", new byte[4]))
                .contains("no 'shape'"));
        assertTrue(failure("badshape.npy", npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (a, 2)}",
                new byte[4])).contains("not an integer"));
        byte[] v2 = npy(2, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", new byte[4]);
        v2[8] = (byte) 0xFF; v2[9] = (byte) 0xFF; v2[10] = (byte) 0xFF; v2[11] = (byte) 0x7F;   // header "2 GB long"
        assertTrue(failure("biglen.npy", v2).contains("claims to be"));
    }
}
