package io.gongkai.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Small, well-formed PDFs that make a reader do unbounded work. */
final class PathologicalPdf {

    private PathologicalPdf() {
    }

    /**
     * One page that draws form 1, which draws form 2 twice, which draws form 3 twice, ... {@code depth} deep: a few
     * hundred bytes whose page takes 2^depth drawings to read (the PDF form of the "billion laughs"). Nothing in it is
     * malformed, so a reader can only be stopped by a time limit.
     */
    static byte[] exponentialForms(int depth) {
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /X 5 0 R >> >> /Contents 4 0 R >>");
        objects.add(stream("", "/X Do"));
        for (int level = 1; level <= depth; level++) {
            boolean last = level == depth;
            String resources = last ? "" : " /Resources << /XObject << /X " + (5 + level) + " 0 R >> >>";
            objects.add(stream("/Type /XObject /Subtype /Form /BBox [0 0 612 792]" + resources, last ? "0 0 1 1 re f" : "/X Do /X Do"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(o -> table.append(String.format("%010d 00000 n \n", o)));
        write(out, table + "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        return out.toByteArray();
    }

    private static String stream(String dictionary, String content) {
        return "<< " + dictionary + " /Length " + content.length() + " >>\nstream\n" + content + "\nendstream";
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
