package io.gongkai.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Distinct reports made from the sample texts: variant {@code i} names another (made-up) county in place of the
 * sample's, everywhere it occurs, moves every year of the report by the same offset, and changes the free-standing
 * count of the first narrative paragraph, so no two variants share their bytes (ingest deduplicates by SHA-256).
 * Consecutive variants of one sample are successive years of one agency, so the cross-year rules have neighbours, as
 * in a real backfill. HTML variants carry the same lines as paragraphs, and the tables as HTML tables; PDF variants
 * the same lines, placed on A4 pages ({@link PdfRendition}).
 */
public final class ReportVariants {

    /** Characters of made-up place names: 3 of them give 64,000 counties (a fourth when more are needed). */
    private static final String NAME_CHARS = "安宝昌成川丹德东丰福阜高光广汉和河华怀惠江金晋靖康乐临龙隆梅宁平普庆荣瑞山善寿顺泰通望文武西祥新兴阳永裕元云长振正忠";
    private static final Pattern COUNTY = Pattern.compile("^[#\\s]*(\\p{IsHan}{1,4}?)(县|市|区)人民政府");
    private static final Pattern YEAR = Pattern.compile("(?<![0-9])(20[0-3][0-9])(?![0-9])");
    private static final Pattern FIRST_COUNT = Pattern.compile("(共计\\s*)([0-9]+)");

    public enum Format {
        TEXT("text/plain; charset=utf-8", ".txt"), HTML("text/html; charset=utf-8", ".html"), PDF("application/pdf", ".pdf");

        final String contentType;
        final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }
    }

    private record Sample(String name, String text, String place, int year) {
    }

    private final List<Sample> samples = new ArrayList<>();
    private final int yearsPerAgency;
    private PdfRendition pdf;

    public ReportVariants(Path samplesDir, int yearsPerAgency) throws IOException {
        this.yearsPerAgency = yearsPerAgency;
        try (Stream<Path> files = Files.list(samplesDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Matcher county = COUNTY.matcher(text.strip());
                Matcher year = YEAR.matcher(text);
                if (county.find() && year.find()) {
                    samples.add(new Sample(f.getFileName().toString(), text, county.group(1), Integer.parseInt(year.group(1))));
                }
            }
        }
        if (samples.isEmpty()) {
            throw new IOException("no sample report in " + samplesDir + " names its county and year");
        }
    }

    public int sampleCount() {
        return samples.size();
    }

    /** Variants made from one sample in one year before the next agency starts: the cycle of (sample, year) pairs. */
    public long cycle() {
        return (long) samples.size() * yearsPerAgency;
    }

    /** The made-up county that variant {@code index} names in place of its sample's. */
    public String place(long index) {
        int sampleIndex = (int) (index % samples.size());
        long agency = index / samples.size() / yearsPerAgency;
        // A county of its own per sample: with one name for all samples their variants of one year were one agency's
        // differing renditions (RENDITION_MISMATCH and re-checks that no backfill of distinct agencies has).
        return placeName(agency * samples.size() + sampleIndex);
    }

    /** Variant {@code index} (0, 1, 2 …), as bytes of the given format. */
    public byte[] variant(long index, Format format) {
        int sampleIndex = (int) (index % samples.size());
        Sample sample = samples.get(sampleIndex);
        long perSample = index / samples.size();
        int yearShift = (int) (perSample % yearsPerAgency) - (yearsPerAgency - 1);
        String place = place(index);
        String text = sample.text().replace(sample.place(), place);
        text = shiftYears(text, yearShift);
        text = FIRST_COUNT.matcher(text).replaceFirst(m -> m.group(1) + (Long.parseLong(m.group(2)) + index % 997));
        return switch (format) {
            case TEXT -> text.getBytes(StandardCharsets.UTF_8);
            case HTML -> html(text).getBytes(StandardCharsets.UTF_8);
            case PDF -> pdf().render(text);
        };
    }

    private synchronized PdfRendition pdf() {
        if (pdf == null) {
            try {
                pdf = new PdfRendition(PdfRendition.systemFont());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pdf;
    }

    public static String placeName(long agency) {
        int n = NAME_CHARS.length();
        StringBuilder s = new StringBuilder();
        long rest = agency;
        for (int i = 0; i < 3; i++) {
            s.append(NAME_CHARS.charAt((int) (rest % n)));
            rest /= n;
        }
        if (rest > 0) {
            s.append(NAME_CHARS.charAt((int) (rest % n)));
        }
        return s.toString();
    }

    private static String shiftYears(String text, int shift) {
        if (shift == 0) {
            return text;
        }
        return YEAR.matcher(text).replaceAll(m -> String.valueOf(Integer.parseInt(m.group(1)) + shift));
    }

    /** The text as an HTML page: runs of lines holding several numbers become table rows, the rest paragraphs. */
    static String html(String text) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>年度报告</title></head><body>\n");
        boolean inTable = false;
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            String[] cells = l.split("\\s+");
            boolean row = cells.length >= 2 && cells[cells.length - 1].matches("[0-9.]+");
            if (row && !inTable) {
                out.append("<table border=\"1\">\n");
                inTable = true;
            } else if (!row && inTable) {
                out.append("</table>\n");
                inTable = false;
            }
            if (row) {
                out.append("<tr>");
                for (String c : cells) {
                    out.append("<td>").append(escape(c)).append("</td>");
                }
                out.append("</tr>\n");
            } else {
                out.append("<p>").append(escape(l)).append("</p>\n");
            }
        }
        if (inTable) {
            out.append("</table>\n");
        }
        return out.append("</body></html>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
