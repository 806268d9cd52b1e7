package io.gongkai.reader.parsing;

import io.gongkai.model.AdministrativeLevel;
import java.util.List;
import java.util.Set;

/**
 * The administrative level of an agency from its name. The leading chain of place names is read
 * (河南省新乡市获嘉县…); the lowest division in it is the level, so a department takes its government's
 * level. 北京/上海/天津/重庆 are provinces; a 市 under a 市/州 is a county-level city.
 */
final class AdministrativeLevelClassifier {

    private static final Set<String> MUNICIPALITIES = Set.of("北京", "上海", "天津", "重庆");
    /** Division suffixes, longest first so that 自治区 wins over 区. */
    private static final List<String> SUFFIXES = List.of("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "街道",
            "苏木", "省", "市", "州", "盟", "县", "旗", "区", "镇", "乡");
    /** Suffixes that may directly follow a 州 or 乡 inside one name (杭州 + 市, 通州 + 区, 新乡 + 市). */
    private static final List<String> EXTENDING = List.of("自治区", "省", "市", "县", "区", "旗", "盟", "镇", "乡");
    /** Words that end like a division but are not one (城市管理局, 住房和城乡建设局, 社区). */
    private static final List<String> FALSE_ENDINGS = List.of("城市", "城乡", "都市", "社区", "小区", "园区", "景区", "辖区");
    /** Characters that make a preceding suffix part of a word (市场, 乡村, 区域, 县域). */
    private static final String FALSE_NEXT = "场村域";
    /** National bodies with local branches: the branch's place decides, else national. */
    private static final List<String> NATIONAL_PREFIXES = List.of("国家税务总局", "国家金融监督管理总局", "中国人民银行",
            "国家统计局", "国家外汇管理局", "中国证券监督管理委员会", "海关总署", "中国气象局", "国家邮政局", "国家烟草专卖局");

    private AdministrativeLevelClassifier() {
    }

    /** The name after a national body's prefix (国家税务总局获嘉县税务局 → 获嘉县税务局); the name itself when it has none. */
    static String withoutNationalPrefix(String agency) {
        for (String p : NATIONAL_PREFIXES) {
            if (agency.startsWith(p) && agency.length() > p.length()) {
                return agency.substring(p.length());
            }
        }
        return agency;
    }

    static String classify(String agency) {
        if (agency == null) {
            return AdministrativeLevel.UNKNOWN;
        }
        String a = TextNormalizer.compactOfRaw(agency);
        if (a.isEmpty()) {
            return AdministrativeLevel.UNKNOWN;
        }
        if (a.startsWith("国务院")) {
            return AdministrativeLevel.NATIONAL;
        }
        boolean nationalBranch = false;
        for (String p : NATIONAL_PREFIXES) {
            if (a.startsWith(p)) {
                a = a.substring(p.length());
                nationalBranch = true;
                break;
            }
        }
        if (a.startsWith("中共")) {
            a = a.substring(2);
        } else if (a.startsWith("中国共产党")) {
            a = a.substring(5);
        }
        int level = placeLevel(a);
        if (level > 0) {
            return switch (level) {
                case 1 -> AdministrativeLevel.PROVINCE;
                case 2 -> AdministrativeLevel.CITY;
                case 3 -> AdministrativeLevel.COUNTY;
                default -> AdministrativeLevel.TOWNSHIP;
            };
        }
        if (nationalBranch || a.startsWith("国家") || a.startsWith("中华人民共和国")
                || (a.length() <= 12 && (a.endsWith("部") || a.endsWith("总署") || a.endsWith("总局")))) {
            return AdministrativeLevel.NATIONAL;
        }
        return AdministrativeLevel.UNKNOWN;
    }

    /** 1 province, 2 city, 3 county, 4 township; 0 when the name starts with no place. */
    private static int placeLevel(String a) {
        int pos = 0;
        int lowest = 0;
        boolean underCity = false;
        while (pos < a.length()) {
            int[] token = placeAt(a, pos);
            if (token == null) {
                break;
            }
            String name = a.substring(pos, token[0]);
            String suffix = a.substring(token[0], token[1]);
            int level = switch (suffix) {
                case "特别行政区", "自治区", "省" -> 1;
                case "市" -> MUNICIPALITIES.contains(name) ? 1 : underCity ? 3 : 2;
                case "自治州", "州", "地区", "盟" -> 2;
                case "自治县", "自治旗", "县", "旗", "区" -> 3;
                default -> 4;
            };
            if (level == 2) {
                underCity = true;
            }
            lowest = Math.max(lowest, level);
            pos = token[1];
        }
        return lowest;
    }

    /** {end of name, end of suffix} of a place name starting at pos, or null. */
    private static int[] placeAt(String a, int pos) {
        for (int k = 1; k <= 9 && pos + k < a.length(); k++) {
            String name = a.substring(pos, pos + k);
            if (name.contains("人民") || name.contains("政府") || name.contains("委员") || name.contains("办公")) {
                return null;
            }
            for (String suffix : SUFFIXES) {
                if (!a.startsWith(suffix, pos + k)) {
                    continue;
                }
                int nameEnd = pos + k;
                int end = nameEnd + suffix.length();
                // 杭州市, 通州区, 新乡市, 武乡县: a 州 or 乡 directly before another suffix is part of the name.
                if (suffix.equals("州") || suffix.equals("乡")) {
                    String extension = extensionAt(a, end);
                    if (extension != null && !falseNext(a, end + extension.length())) {
                        nameEnd = end;
                        end += extension.length();
                    }
                }
                String token = a.substring(pos, end);
                boolean falseEnding = false;
                for (String f : FALSE_ENDINGS) {
                    if (token.endsWith(f)) {
                        falseEnding = true;
                        break;
                    }
                }
                if (falseEnding || falseNext(a, end)) {
                    break;
                }
                return new int[] {nameEnd, end};
            }
        }
        return null;
    }

    private static String extensionAt(String a, int at) {
        for (String s : EXTENDING) {
            if (a.startsWith(s, at)) {
                return s;
            }
        }
        return null;
    }

    private static boolean falseNext(String a, int at) {
        return at < a.length() && FALSE_NEXT.indexOf(a.charAt(at)) >= 0;
    }
}
