package io.gongkai.reader.parsing;

import com.ibm.icu.text.Transliterator;
import io.gongkai.model.AdministrativeLevel;
import io.gongkai.model.divisions.Division;
import io.gongkai.model.divisions.Divisions;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The region a gov.cn host names: governments' sites are named by the pinyin of the place (www.huojia.gov.cn is
 * 获嘉县, hongze.huaian.gov.cn is 洪泽区 under 淮安市). The table is derived from the division data set with ICU's
 * Han-Latin transliteration, for provinces, cities and counties (full and short name, e.g. hongzequ and hongze), and
 * the unique initials of provinces (www.hn.gov.cn is ambiguous, www.gd.gov.cn is 广东省). A host label that several
 * places share is answered with all of them. Immutable and thread-safe; built once, on first use.
 */
public final class HostRegions {

    private static final String GOV_SUFFIX = ".gov.cn";

    private final Map<String, List<Division>> byLabel = new HashMap<>();

    private HostRegions() {
        Transliterator pinyin = Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");
        Divisions divisions = Divisions.get();
        Map<String, List<Division>> initials = new HashMap<>();
        for (String level : List.of(AdministrativeLevel.PROVINCE, AdministrativeLevel.CITY, AdministrativeLevel.COUNTY)) {
            for (Division d : divisions.atLevel(level)) {
                String full = letters(pinyin.transliterate(d.name()));
                add(byLabel, full, d);
                String shortName = shortName(d.name());
                if (shortName != null) {
                    add(byLabel, letters(pinyin.transliterate(shortName)), d);
                    if (level.equals(AdministrativeLevel.PROVINCE)) {
                        StringBuilder first = new StringBuilder();
                        for (int i = 0; i < shortName.length(); i++) {
                            String syllable = letters(pinyin.transliterate(shortName.substring(i, i + 1)));
                            if (!syllable.isEmpty()) {
                                first.append(syllable.charAt(0));
                            }
                        }
                        add(initials, first.toString(), d);
                    }
                }
            }
        }
        initials.forEach((label, list) -> {
            if (list.size() == 1 && !byLabel.containsKey(label)) {
                byLabel.put(label, list);
            }
        });
    }

    private static final class Holder {
        static final HostRegions INSTANCE = new HostRegions();
    }

    public static HostRegions get() {
        return Holder.INSTANCE;
    }

    /** The host of a URL when it is a gov.cn host, else null. */
    public static String govHost(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            String host = URI.create(url.trim()).getHost();
            if (host == null) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.endsWith(GOV_SUFFIX) ? host : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The divisions a gov.cn host names, narrowest first found: labels are read from the right (the broadest
     * place) and each next label is looked for under the places found so far. Empty when no label names a place.
     */
    public List<Division> lookup(String host) {
        if (host == null || !host.endsWith(GOV_SUFFIX)) {
            return List.of();
        }
        String[] labels = host.substring(0, host.length() - GOV_SUFFIX.length()).split("\\.");
        List<Division> current = List.of();
        for (int i = labels.length - 1; i >= 0; i--) {
            List<Division> named = byLabel.getOrDefault(labels[i], List.of());
            List<Division> fitting = new ArrayList<>();
            for (Division d : named) {
                if (current.isEmpty() || current.stream().anyMatch(c -> d.depth() > c.depth() && Divisions.within(d, c))) {
                    fitting.add(d);
                }
            }
            if (!fitting.isEmpty()) {
                current = broadest(fitting);
            }
        }
        return current;
    }

    /**
     * Where a label names places of several levels (huaian: 淮安市, its 淮安区 and 怀安县), the site is the broadest
     * one's: a city's portal is named by the city, a county of the same sound has to add its city or province.
     */
    private static List<Division> broadest(List<Division> found) {
        int top = found.stream().mapToInt(Division::depth).min().orElse(0);
        return found.stream().filter(d -> d.depth() == top).toList();
    }

    /** 获嘉县 → 获嘉, 淮安市 → 淮安, 河南省 → 河南; null when the rest would be one character (城区). */
    private static String shortName(String name) {
        for (String ending : List.of("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "省", "市", "县", "区", "旗", "盟")) {
            if (name.endsWith(ending)) {
                String rest = name.substring(0, name.length() - ending.length());
                int zu = rest.indexOf('族');
                if (zu > 0) {
                    return null; // the people's names cannot be cut off without a list of them
                }
                return rest.length() >= 2 ? rest : null;
            }
        }
        return null;
    }

    private static String letters(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= 'a' && ch <= 'z') {
                b.append(ch);
            }
        }
        return b.toString();
    }

    private static void add(Map<String, List<Division>> map, String label, Division d) {
        if (label.length() >= 2) {
            List<Division> list = map.computeIfAbsent(label, k -> new ArrayList<>(1));
            if (!list.contains(d)) {
                list.add(d);
            }
        }
    }
}
