package org.genscope.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgPlotTest {

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void ticksAreOneTwoOrFiveTimesAPowerOfTen() {
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, SvgPlot.niceTicks(0, 1, 5), 1e-12);
        assertArrayEquals(new double[] {0, 500, 1000, 1500, 2000, 2500, 3000}, SvgPlot.niceTicks(0, 3000, 8), 1e-9);
        assertArrayEquals(new double[] {89, 90, 91, 92, 93, 94, 95}, SvgPlot.niceTicks(88.1, 95.7, 6), 1e-9);
        assertArrayEquals(new double[] {-2, 0, 2}, SvgPlot.niceTicks(-3, 3, 3), 1e-12);
    }

    @Test
    void aCountAxisLabelsWholeTicksOnly() throws Exception {
        SvgPlot.Plot p = new SvgPlot.Plot("masks", new SvgPlot.Axis("mask", 0.5, 3.5, true), new SvgPlot.Axis("kept", 0, 1, false),
                List.of(new SvgPlot.Series("kept", new double[] {1, 2, 3}, new double[] {0.4, 0.9, 0.3}, "#000000")));
        org.w3c.dom.NodeList texts = parse(SvgPlot.render(List.of(p), SvgPlot.Style.LIGHT)).getElementsByTagName("text");
        List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) labels.add(texts.item(i).getTextContent());
        assertTrue(labels.containsAll(List.of("1", "2", "3")), labels.toString());
        assertEquals(1, labels.stream().filter("2"::equals).count(), "no label twice: " + labels);
    }

    @Test
    void barsRiseFromZeroToTheirValueAndTicksCanBeNamed() throws Exception {
        SvgPlot.Axis ax = new SvgPlot.Axis("mask", 0.5, 3.5, true,
                t -> t == Math.rint(t) ? "M" + Math.round(t) : "");
        SvgPlot.Plot p = new SvgPlot.Plot("kept", ax, new SvgPlot.Axis("fraction", 0, 1, false), List.of(
                new SvgPlot.Series("kept", new double[] {1, 2, 3}, new double[] {0.25, 0.5, 1}, "#0072b2", SvgPlot.Mark.BARS)));
        Document d = parse(SvgPlot.render(List.of(p), SvgPlot.Style.LIGHT));
        assertEquals(0, d.getElementsByTagName("polyline").getLength(), "bars, not a line through categories");
        List<Element> bars = new java.util.ArrayList<>();
        NodeList rects = d.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            if (r.getAttribute("class").equals("bar")) bars.add(r);
        }
        assertEquals(3, bars.size());
        double h1 = Double.parseDouble(bars.get(0).getAttribute("height"));
        double h2 = Double.parseDouble(bars.get(1).getAttribute("height"));
        double h3 = Double.parseDouble(bars.get(2).getAttribute("height"));
        assertEquals(2 * h1, h2, 0.05);
        assertEquals(4 * h1, h3, 0.05);
        double bottom = Double.parseDouble(bars.get(0).getAttribute("y")) + h1;
        assertEquals(bottom, Double.parseDouble(bars.get(2).getAttribute("y")) + h3, 0.05, "all stand on y = 0");
        NodeList texts = d.getElementsByTagName("text");
        List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) labels.add(texts.item(i).getTextContent());
        assertTrue(labels.containsAll(List.of("M1", "M2", "M3")), labels.toString());
        assertTrue(labels.stream().noneMatch(l -> l.equals("2") || l.equals("3")), "the axis's own names: " + labels);
    }

    @Test
    void pointsOutsideTheYRangeShownAreCountedInANote() throws Exception {
        double[] x = {0, 1, 2, 3, 4};
        SvgPlot.Axis ax = new SvgPlot.Axis("step", 0, 3, true);
        SvgPlot.Axis ay = new SvgPlot.Axis("nats", 0, 10, false);
        SvgPlot.Plot p = new SvgPlot.Plot("NLL", ax, ay,
                List.of(new SvgPlot.Series("train", x, new double[] {9, 400, -1, 5, 900}, "#1f77b4")));
        assertEquals("1 point above, 1 below the range shown", SvgPlot.offScale(p, ax, ay), "x = 4 is outside the x-range");
        NodeList texts = parse(SvgPlot.render(List.of(p), SvgPlot.Style.LIGHT)).getElementsByTagName("text");
        boolean noted = false;
        for (int i = 0; i < texts.getLength(); i++) {
            noted |= ((Element) texts.item(i)).getAttribute("class").equals("off-scale");
        }
        assertTrue(noted);
        SvgPlot.Plot inside = new SvgPlot.Plot("NLL", ax, ay,
                List.of(new SvgPlot.Series("train", x, new double[] {9, 4, 1, 5, Double.NaN}, "#1f77b4")));
        assertEquals(null, SvgPlot.offScale(inside, ax, ay));
        SvgPlot.Plot two = new SvgPlot.Plot("NLL", ax, ay,
                List.of(new SvgPlot.Series("train", x, new double[] {11, 12, 1, 5, 1}, "#1f77b4")));
        assertEquals("2 points above the range shown", SvgPlot.offScale(two, ax, ay));
    }

    @Test
    void aDegenerateRangeIsWidenedAroundItsValue() {
        SvgPlot.Axis a = SvgPlot.widen(new SvgPlot.Axis("y", 3.135, 3.135, false));
        assertTrue(a.min() < 3.135 && a.max() > 3.135);
        SvgPlot.Axis z = SvgPlot.widen(new SvgPlot.Axis("y", 0, 0, false));
        assertEquals(-0.5, z.min());
        assertEquals(0.5, z.max());
    }

    @Test
    void eachSeriesIsAPolylineInsideThePlotAndNaNBreaksIt() throws Exception {
        double[] x = {0, 1, 2, 3, 4, 5};
        SvgPlot.Plot p = new SvgPlot.Plot("NLL <train & valid>", new SvgPlot.Axis("optimizer step", 0, 5, true),
                new SvgPlot.Axis("nats", 0, 10, false), List.of(
                        new SvgPlot.Series("train", x, new double[] {9, 7, 5, 4, 3.5, 3}, "#1f77b4"),
                        new SvgPlot.Series("validation", x, new double[] {9.5, 8, Double.NaN, 5, 4.5, 4}, "#ff7f0e")));
        Document d = parse(SvgPlot.render(List.of(p, p), SvgPlot.Style.LIGHT));
        Element svg = d.getDocumentElement();
        assertEquals("svg", svg.getTagName());
        assertEquals(String.valueOf(2 * SvgPlot.HEIGHT), svg.getAttribute("height"));
        NodeList lines = d.getElementsByTagName("polyline");
        assertEquals(2 * 3, lines.getLength(), "train, and validation in two runs around the NaN, in each of two plots");
        int trainPoints = 0;
        for (int i = 0; i < lines.getLength(); i++) {
            Element e = (Element) lines.item(i);
            String[] pts = e.getAttribute("points").trim().split(" ");
            if (e.getAttribute("data-series").equals("train")) trainPoints += pts.length;
            for (String pt : pts) {
                double px = Double.parseDouble(pt.split(",")[0]);
                double py = Double.parseDouble(pt.split(",")[1]);
                assertTrue(px >= 0 && px <= SvgPlot.WIDTH && py >= 0 && py <= 2 * SvgPlot.HEIGHT, pt);
            }
        }
        assertEquals(2 * 6, trainPoints);
        // the first train point (x = 0, y = 9) lies left of and above the last (x = 5, y = 3)
        String[] first = ((Element) lines.item(0)).getAttribute("points").split(" ");
        double[] a = {Double.parseDouble(first[0].split(",")[0]), Double.parseDouble(first[0].split(",")[1])};
        double[] b = {Double.parseDouble(first[5].split(",")[0]), Double.parseDouble(first[5].split(",")[1])};
        assertTrue(a[0] < b[0] && a[1] < b[1]);
        assertTrue(d.getElementsByTagName("text").item(0).getTextContent().equals("NLL <train & valid>"), "escaped and read back");
    }
}
