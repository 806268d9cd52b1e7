package io.gongkai.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An endless series of distinct annual reports made from the samples: report {@code n} is written by its own county
 * (the sample's county renamed) for its own year (every year in the text moved by the same amount), so that no two
 * share an (agency, year) and the pipeline handles each as a new report, not as another rendition of one it has.
 * Each made-up county reports for three consecutive years, so cross-year checks run too.
 */
final class DistinctReports {

    /** Characters of the made-up county names; none is a suffix that ends an agency's name (县, 局, 市...). */
    private static final String NAME_CHARS = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥青赤黄白松柏桐梅兰竹菊荷桂枫杉桃李杏";
    private static final int YEARS_PER_COUNTY = 3;
    private static final int LAST_YEAR = 2023;
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(20[0-3]\\d)(?!\\d)");

    private record Sample(String text, String county, int year) {
    }

    private final List<Sample> samples = new ArrayList<>();

    DistinctReports(Path samplesDir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(samplesDir)) {
            for (Path txt : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                JsonNode report = json.readTree(txt.resolveSibling(txt.getFileName().toString().replace(".txt", ".expected.json")).toFile())
                        .get("report");
                String agency = report.get("agency").asText();
                int county = agency.indexOf('县');
                if (county < 1) {
                    throw new IllegalStateException(txt + ": the suite renames a county, and " + agency + " names none");
                }
                samples.add(new Sample(Files.readString(txt), agency.substring(0, county + 1), report.get("year").asInt()));
            }
        }
    }

    /** The county of report {@code n}. */
    static String county(int n) {
        int c = n / YEARS_PER_COUNTY;
        int k = NAME_CHARS.length();
        return "" + NAME_CHARS.charAt(c % k) + NAME_CHARS.charAt((c / k) % k) + NAME_CHARS.charAt((c / k / k) % k) + "县";
    }

    /** The year report {@code n} is about. */
    static int year(int n) {
        return LAST_YEAR - n % YEARS_PER_COUNTY;
    }

    byte[] report(int n) {
        Sample sample = samples.get(n % samples.size());
        int shift = year(n) - sample.year();
        String text = sample.text().replace(sample.county(), county(n));
        Matcher m = YEAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, String.valueOf(Integer.parseInt(m.group(1)) + shift));
        }
        m.appendTail(out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
