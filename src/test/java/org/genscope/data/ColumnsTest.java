package org.genscope.data;

import static org.genscope.data.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Label columns become labels, never variables; --columns/--label choose them by name or number. */
class ColumnsTest {
    @TempDir
    Path dir;

    private Dataset read(Path p, Columns c) throws DataFormatException {
        return DataFiles.readDataset(p, null, c);
    }

    @Test
    void aColumnNamedLikeALabelBecomesTheLabelsWhateverItsCaseOrPlace() throws Exception {
        for (String name : Columns.LABEL_NAMES) {
            Path p = write(dir, name + ".csv", "x," + name.toUpperCase() + ",y\n1,0,2\n3,7,4\n");
            Dataset d = DataFiles.readDataset(p, null);          // the app's File ▸ Open dataset reads this way
            assertEquals(2, d.dimension(), name);
            assertArrayEquals(new float[] {1, 2, 3, 4}, d.x().data, name);
            assertArrayEquals(new int[] {0, 7}, d.labels(), name);
        }
    }

    @Test
    void tablesWithoutALabelNameAndOtherFilesAreUsedWhole() throws Exception {
        Dataset d = read(write(dir, "a.csv", "x,y,z\n1,2,3\n"), Columns.AUTO);
        assertEquals(3, d.dimension());
        assertFalse(d.hasLabels());
        Dataset h = read(write(dir, "b.csv", "1,2,3\n4,5,6\n"), Columns.AUTO);
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, h.x().data);
        ArrayData img = new ArrayData(dir.resolve("i.npy"), "NPY", "uint8", new int[] {2, 2, 2}, new float[8]);
        Dataset images = Columns.AUTO.dataset(img, "i");
        assertTrue(images.isImage());
        assertEquals(4, images.dimension());
    }

    @Test
    void columnsAndLabelChooseByNameOrNumberFromOne() throws Exception {
        Path p = write(dir, "t.csv", "a,b,kind,label\n1,2,3,0\n4,5,6,1\n");
        Dataset byName = read(p, Columns.of("b,a", "kind"));
        assertArrayEquals(new float[] {2, 1, 5, 4}, byName.x().data);
        assertArrayEquals(new int[] {3, 6}, byName.labels());
        Dataset byNumber = read(p, Columns.of("1,3", null));       // 'label' still found by its name
        assertArrayEquals(new float[] {1, 3, 4, 6}, byNumber.x().data);
        assertArrayEquals(new int[] {0, 1}, byNumber.labels());
        Dataset all = read(p, Columns.of(null, "none"));
        assertEquals(4, all.dimension());
        assertFalse(all.hasLabels());
        Dataset modelled = read(p, Columns.of("a,label", null));    // listed as a variable: modelled on purpose
        assertArrayEquals(new float[] {1, 0, 4, 1}, modelled.x().data);
        assertFalse(modelled.hasLabels());
        Path plain = write(dir, "p.csv", "1,2,9\n3,4,8\n");
        Dataset numbered = read(plain, Columns.of(null, "3"));
        assertArrayEquals(new float[] {1, 2, 3, 4}, numbered.x().data);
        assertArrayEquals(new int[] {9, 8}, numbered.labels());
    }

    @Test
    void badChoicesAreRefusedNamingTheFileAndTheColumn() throws Exception {
        Path p = write(dir, "t.csv", "x,y,label\n1,2,0\n");
        String m = assertThrows(DataFormatException.class, () -> read(p, Columns.of("x,z", null))).getMessage();
        assertTrue(m.startsWith(p + ": no column 'z': the table has 3 columns, 'x,y,label'"), m);
        m = assertThrows(DataFormatException.class, () -> read(p, Columns.of("x", "x"))).getMessage();
        assertTrue(m.contains("column 'x' cannot be both a variable and the label"), m);
        m = assertThrows(DataFormatException.class, () -> read(write(dir, "n.csv", "1,2\n"), Columns.of("0", null))).getMessage();
        assertTrue(m.contains("no column '0': the table has 2 columns, numbered 1 to 2, and no header"), m);
        m = assertThrows(DataFormatException.class, () -> read(write(dir, "only.csv", "label\n1\n"), Columns.AUTO)).getMessage();
        assertTrue(m.contains("no column left to model besides the label column 'label'"), m);
        m = assertThrows(DataFormatException.class, () -> read(write(dir, "f.csv", "x,class\n1,0\n2,0.5\n"), Columns.AUTO)).getMessage();
        assertTrue(m.contains("the label column 'class' holds 0.5 on data row 2, not an integer class"), m);
        ArrayData img = new ArrayData(dir.resolve("i.npy"), "NPY", "uint8", new int[] {2, 2, 2}, new float[8]);
        m = assertThrows(DataFormatException.class, () -> Columns.of("1", null).dataset(img, "i")).getMessage();
        assertTrue(m.contains("shape 2×2×2"), m);
        Path labels = write(dir, "y.csv", "0\n");
        m = assertThrows(DataFormatException.class, () -> DataFiles.readDataset(p, labels)).getMessage();
        assertTrue(m.contains("labels given twice"), m);
    }

    @Test
    void theSelectionNamesItsColumns() throws Exception {
        Columns.Selection s = Columns.AUTO.select(CsvReader.read(write(dir, "t.csv", "x,y,label\n1,2,0\n")));
        assertEquals(List.of("x", "y"), s.featureNames());
        assertEquals("label", s.labelName());
        Columns.Selection plain = Columns.AUTO.select(CsvReader.read(write(dir, "p.csv", "1,2\n")));
        assertEquals(List.of("column 1", "column 2"), plain.featureNames());
        assertNull(plain.labelName());
    }
}
