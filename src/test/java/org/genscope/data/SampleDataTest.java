package org.genscope.data;

import static org.genscope.data.TestFiles.gzip;
import static org.genscope.data.TestFiles.idx;
import static org.genscope.data.TestFiles.ubytes;
import static org.genscope.data.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataTest {
    @TempDir
    Path dir;

    @Test
    void binarizedMnistHasTheStandardSplits() throws Exception {
        DataSplits s = SampleData.binarizedMnist();
        assertEquals(50000, s.train().size());
        assertEquals(10000, s.validation().size());
        assertEquals(10000, s.test().size());
        for (Dataset d : new Dataset[] {s.train(), s.validation(), s.test()}) {
            assertEquals(784, d.dimension());
            assertEquals(28, d.imageRows());
            assertEquals(28, d.imageCols());
            assertTrue(Binarization.isBinary(d.x().data), d.name());
        }
        assertEquals("binarized-mnist-test", s.test().name());
    }

    @Test
    void mnistSampleIsLabelledGrayscale() throws Exception {
        Dataset d = SampleData.mnistSample10k();
        assertEquals(10000, d.size());
        assertTrue(d.hasLabels() && d.isImage());
        assertArrayEquals(new float[] {0, 255}, Normalization.range(d.x().data));
        Dataset u = Normalization.scaleToUnit(d);
        assertArrayEquals(new float[] {0, 1}, Normalization.range(u.x().data));
    }

    @Test
    void mnistTestSetIsLabelledGrayscaleWithEveryClass() throws Exception {
        Dataset d = SampleData.mnistTest();
        assertEquals(10000, d.size());
        assertTrue(d.hasLabels() && d.isImage());
        assertArrayEquals(new float[] {0, 255}, Normalization.range(d.x().data));
        int[] perClass = new int[10];
        for (int y : d.labels()) perClass[y]++;
        for (int k = 0; k < 10; k++) assertTrue(perClass[k] > 850, "class " + k + ": " + perClass[k]);
    }

    @Test
    void locatesWorkingDirectoryThenJarFolderThenItsParent() throws Exception {
        Path cwd = Files.createDirectories(dir.resolve("cwd"));
        Path app = Files.createDirectories(dir.resolve("app"));
        Path lib = Files.createDirectories(app.resolve("lib"));
        Path inApp = Files.createDirectories(app.resolve("sample-data"));
        assertEquals(inApp, SampleData.locate(null, cwd, lib));
        Path inLib = Files.createDirectories(lib.resolve("sample-data"));
        assertEquals(inLib, SampleData.locate(null, cwd, lib));
        Path inCwd = Files.createDirectories(cwd.resolve("sample-data"));
        assertEquals(inCwd, SampleData.locate(null, cwd, lib));
        Path chosen = Files.createDirectories(dir.resolve("mine"));
        assertEquals(chosen, SampleData.locate(chosen.toString(), cwd, lib), "an explicit -Dgenscope.data wins");
    }

    @Test
    void missingSampleDataSaysWhereItLooked() {
        Path cwd = dir.resolve("nowhere");
        String m = assertThrows(DataFormatException.class, () -> SampleData.locate(null, cwd, null)).getMessage();
        assertTrue(m.contains("sample data not found") && m.contains(cwd.resolve("sample-data").toString())
                && m.contains("-Dgenscope.data"), m);
        String p = assertThrows(DataFormatException.class,
                () -> SampleData.locate(dir.resolve("typo").toString(), cwd, null)).getMessage();
        assertTrue(p.contains("typo: no such folder"), p);
    }

    @Test
    void dataFilesDetectFormatsByContent() throws Exception {
        Path idxFile = write(dir, "looks.csv", gzip(idx(0x08, new int[] {2, 1, 2}, ubytes(1, 2, 3, 4))));
        Path npyFile = write(dir, "looks.idx", TestFiles.npy(1, "{'descr': '|u1', 'fortran_order': False, 'shape': (2,), }",
                ubytes(0, 1)));
        Path csvFile = write(dir, "looks.npy", "a b\n1 2\n3 4\n");
        assertEquals(DataFiles.Format.IDX, DataFiles.detect(idxFile));
        assertEquals(DataFiles.Format.NPY, DataFiles.detect(npyFile));
        assertEquals(DataFiles.Format.CSV, DataFiles.detect(csvFile));
        Dataset d = DataFiles.readDataset(idxFile, npyFile);
        assertEquals(1, d.imageRows());
        assertArrayEquals(new int[] {0, 1}, d.labels());
        Path three = write(dir, "three.csv", "1\n2\n3\n");
        String m = assertThrows(DataFormatException.class, () -> DataFiles.readDataset(idxFile, three)).getMessage();
        assertTrue(m.startsWith(three + ": 3 labels, but"), m);
        Path bin = write(dir, "bin.dat", new byte[] {1, 2, 3, 4, 5});
        assertTrue(assertThrows(DataFormatException.class, () -> DataFiles.read(bin)).getMessage()
                .contains("unknown format"));
    }
}
