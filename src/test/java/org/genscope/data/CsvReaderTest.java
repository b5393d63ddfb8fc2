package org.genscope.data;

import static org.genscope.data.TestFiles.gzip;
import static org.genscope.data.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.genscope.nn.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    @TempDir
    Path dir;

    private static final float[] VALUES = {1.5f, -2f, 3e-2f, 4f, 0.5f, 6f};

    private ArrayData read(String name, String text) throws DataFormatException {
        return CsvReader.read(write(dir, name, text));
    }

    @Test
    void readsCommaSeparatedWithHeader() throws Exception {
        ArrayData a = read("a.csv", "x,y,z\n1.5,-2,3e-2\n4,.5,+6\n");
        assertEquals(java.util.List.of("x", "y", "z"), a.columnNames());
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(VALUES, a.data());
        assertEquals("CSV (comma-separated, with header)", a.format());
    }

    @Test
    void detectsEveryDelimiterAndNoHeader() throws Exception {
        assertArrayEquals(VALUES, read("t.tsv", "1.5\t-2\t3e-2\n4\t0.5\t6").data());
        assertArrayEquals(VALUES, read("s.csv", "a;b;c\n1,5;-2;0,03\n4;0,5;6\n").data());   // decimal comma
        ArrayData w = read("w.txt", "  1.5   -2 3e-2\n4 0.5\t 6\n");
        assertArrayEquals(VALUES, w.data());
        assertEquals("CSV (whitespace-separated)", w.format());
        assertEquals("CSV (semicolon-separated, with header)", read("s2.csv", "a;b\n1;2\n").format());
    }

    @Test
    void skipsBlankAndCommentLinesAndReadsQuotesCrlfAndGzip() throws Exception {
        ArrayData a = read("c.csv", "# made by hand\r\n\"x\",\"y\",\"z\"\r\n\r\n1.5,-2,\"3e-2\"\r\n# middle\r\n4,0.5,6\r\n\r\n");
        assertArrayEquals(VALUES, a.data());
        Path gz = write(dir, "g.dat", gzip("1.5,-2,3e-2\n4,0.5,6\n".getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(VALUES, CsvReader.read(gz).data());
    }

    @Test
    void roundTripsWhatCsvWriterWrites() throws Exception {
        Dataset toy = Toy2D.MOONS.generate(200, 0.1, 3);
        Path p = dir.resolve("toy.csv");
        CsvWriter.write(p, toy);
        Dataset back = DataFiles.readDataset(p, null);             // x,y,label: 2 variables and the labels
        assertEquals(2, back.dimension());
        assertArrayEquals(toy.x().data, back.x().data);
        assertArrayEquals(toy.labels(), back.labels());
        // unlabelled, higher-dimensional data too
        Rng rng = new Rng(1);
        org.ejml.data.FMatrixRMaj m = new org.ejml.data.FMatrixRMaj(5, 3);
        for (int i = 0; i < m.data.length; i++) m.data[i] = (float) rng.nextGaussian() * 1e-7f;
        CsvWriter.write(p, new Dataset("g", "test", m, null, 0, 0));
        assertArrayEquals(m.data, CsvReader.read(p).data());
    }

    // ---- bad files: the message names the file, the line and the column ----

    private String failure(String name, String text) {
        return TestFiles.rejection(CsvReader::read, dir, name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rejectsRaggedRowsNamingTheLine() {
        String m = failure("r.csv", "a,b,c\n1,2,3\n4,5,6\n\n7,8\n");
        assertTrue(m.contains("ragged rows: line 5 has 2 values, expected 3 like line 2"), m);
        assertTrue(failure("h.csv", "a,b\n1,2,3\n").contains("line 2 has 3 values, but the header has 2"));
    }

    @Test
    void rejectsNonNumericAndNonFiniteValuesNamingLineAndColumn() {
        String m = failure("n.csv", "1,2\n3,abc\n");
        assertTrue(m.endsWith("line 2, column 2: 'abc' is not a number"), m);
        assertTrue(failure("nan.csv", "1,2\nNaN,3\n").contains("line 2, column 1: 'NaN' is NaN or infinite"));
        assertTrue(failure("inf.csv", "1,2\n3,-inf\n").contains("line 2, column 2: '-inf' is NaN or infinite"));
        assertTrue(failure("big.csv", "1,2\n3,1e39\n").contains("line 2, column 2: '1e39' is beyond the float32 range"));
        assertTrue(failure("e.csv", "1,2\n3,\n").contains("line 2, column 2: empty value"));
        assertTrue(failure("hex.csv", "1,2\n0x10,3\n").contains("'0x10' is not a number"));
    }

    @Test
    void rejectsEmptyHeaderOnlyAndBinaryFiles() {
        assertTrue(failure("e.csv", "").contains("empty file"));
        assertTrue(failure("blank.csv", "\n# nothing\n  \n").contains("no data rows"));
        assertTrue(failure("ho.csv", "x,y\n").contains("no data rows, only a header"));
        assertTrue(failure("bin.csv", "1,2\n3\u00004\n").contains("line 2: binary data"));
    }
}
