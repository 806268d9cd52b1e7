package io.gongkai.reader.parsing;

import io.gongkai.model.AdministrativeLevel;
import io.gongkai.model.AgencyCandidate;
import io.gongkai.model.AgencyResolution;
import io.gongkai.model.Region;
import io.gongkai.model.divisions.Division;
import io.gongkai.model.divisions.Divisions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides who wrote a report: the agency, its region in the national division codes and its administrative level.
 *
 * <p>Every place that names the body is a candidate with a confidence of its own (see docs/agencies.md): the title
 * and the line above it, the signature over the date at the end, a 来源/发布机构 caption, the page's header or
 * breadcrumb, a first sentence that names the body, and the gov.cn host of the source URL. Candidates that name the
 * same body support each other; the way the text calls itself (现将我局…, 我县…) supports the candidates of that
 * kind and counts against the others. The best-supported candidate is the agency; its place names, read against
 * the division data, give region and level, and the other candidates' regions settle a name that several places
 * share.
 */
final class AgencyResolver {

    /** What was decided. */
    record Resolved(String agency, Region region, String level, AgencyResolution resolution) {
    }

    private static final double TITLE = 0.9;
    private static final double SIGNATURE = 0.85;
    private static final double CAPTION = 0.75;
    private static final double FIRST_SENTENCE = 0.7;
    private static final double PAGE_HEADER = 0.6;
    private static final double SOURCE_URL = 0.5;
    /** Each other source naming the same body halves the remaining doubt. */
    private static final double AGREEMENT_DOUBT = 0.5;
    /** The text calling itself by the candidate's kind (我局 for a 局) takes a fifth of the doubt away. */
    private static final double SELF_MATCH_DOUBT = 0.8;
    /** The text calling itself by another kind (我局 for a 县人民政府) leaves this share of the confidence. */
    private static final double SELF_CONFLICT_SHARE = 0.4;
    /** Below this the best candidate is not trusted to be the agency (its region may still be used). */
    private static final double THRESHOLD = 0.35;

    private static final Pattern SIGNATURE_DATE = Pattern.compile("[(（]?(?:\\d{4}|[〇○零OＯ◯0一二三四五六七八九]{4})[年\\-./]");
    private static final int HEAD_LINES = 40;
    private static final int CAPTION_LINES = 8;
    private static final int FIRST_SENTENCE_LINES = 12;

    private static final Pattern CAPTION_LABEL = Pattern.compile("(?:发布机构|发文机关|发布单位|信息来源|来源)[:：]\\s*");
    private static final Pattern BREADCRUMB_SEPARATORS = Pattern.compile("\\s*(?:>|›|»|＞|/|\\||-{1,2}|—|\\t)\\s*|\\s{2,}");
    private static final Pattern SITE_WORDS = Pattern.compile("(?:门户网站|政府网站|网站|官网|欢迎您?|政务公开|信息公开)$");
    private static final Pattern COMPILED_BY = Pattern.compile("报告(?:是)?由([^，。,:;]{2,40}?)(?:负责)?(?:编制|编写|制作)");
    private static final Pattern SELF = Pattern.compile("(?:我|本)(街道|办事处|委员会|管委会|中心|局|委|办|厅|署|院|区|县|市|旗|镇|乡|州|省)");
    private static final Pattern SITE_CODE = Pattern.compile("网站标识码[：:]?([1-9][0-9]{5})[0-9]{4}(?![0-9])");
    /** The Xinjiang Production and Construction Corps and its divisions, which govern cities of their own. */
    private static final Pattern CORPS = Pattern.compile("^新疆生产建设兵团(?:第[一二三四五六七八九十]+师)?");

    /** A zone that is not itself a division: its level is one below the government it is under. */
    private static final Pattern ZONE = Pattern.compile("^([\\u4e00-\\u9fff]{0,12}?)(?:综合实验区|开发区|新区|实验区|试验区|示范区|高新区|产业园区|工业园区|园区|合作区|管理区|集聚区|保税区|自贸区|综合区)");
    /** A township the data set did not place (renamed, or no county before it). */
    private static final Pattern TOWNSHIP = Pattern.compile("^[\\u4e00-\\u9fff]{1,8}?(?:镇|乡|街道)(?:人民政府|政府|办事处|党委|$)");

    private AgencyResolver() {
    }

    static Resolved resolve(List<Line> lines, MetadataReader.Title title, String sourceUrl) {
        List<AgencyCandidate> candidates = new ArrayList<>();
        fromTitle(lines, title, candidates);
        fromSignature(lines, candidates);
        fromHead(lines, title, candidates);
        String self = fromFirstSentences(lines, title, candidates);
        List<Division> hostRegions = fromSourceUrl(sourceUrl, candidates);
        List<Division> siteRegion = fromSiteCode(lines);
        if (!siteRegion.isEmpty()) {
            hostRegions = siteRegion; // one code, where a host's pinyin can name several places
        }

        AgencyCandidate best = null;
        double bestScore = 0;
        for (AgencyCandidate c : candidates) {
            double score = score(c, candidates, self);
            if (best == null || score > bestScore + 1e-9) {
                best = c;
                bestScore = score;
            }
        }
        String agency = best == null || bestScore < THRESHOLD ? null : extended(best, candidates);
        Division region = region(agency, best, candidates, hostRegions);
        String level = level(agency, region);
        double confidence = agency == null ? 0 : Math.min(0.99, bestScore);
        AgencyResolution resolution = new AgencyResolution(Math.round(confidence * 100) / 100.0,
                agency == null ? null : best.source(), self, candidates);
        return new Resolved(agency, region == null ? null : Divisions.get().region(region), level, resolution);
    }

    // ---- candidates

    private static void fromTitle(List<Line> lines, MetadataReader.Title title, List<AgencyCandidate> out) {
        if (title == null) {
            return;
        }
        String inTitle = MetadataReader.agencyInTitle(title.squeezed());
        int above = MetadataReader.agencyAboveTitle(lines, title);
        if (above >= 0) {
            String name = lines.get(above).squeezed();
            // "# 河曲县人民政府办公室" over "河曲县2023年…报告": the line above says who; the title only repeats the place.
            if (inTitle == null || name.startsWith(inTitle)) {
                out.add(candidate(name, AgencyCandidate.ABOVE_TITLE, lines.get(above), TITLE));
                return;
            }
        }
        if (inTitle != null) {
            out.add(candidate(inTitle, AgencyCandidate.TITLE, lines.get(title.firstIndex()), TITLE));
        }
    }

    /** The signature: the body's name on the line over the date at the end, or before the date on its line. */
    private static void fromSignature(List<Line> lines, List<AgencyCandidate> out) {
        int i = MetadataReader.signatureDateLine(lines);
        if (i < 0) {
            return;
        }
        Line line = lines.get(i);
        String s = line.squeezed();
        Matcher date = SIGNATURE_DATE.matcher(s);
        if (date.find() && date.start() >= 2 && MetadataReader.isAgencyName(s.substring(0, date.start()))) {
            out.add(candidate(s.substring(0, date.start()), AgencyCandidate.SIGNATURE, line, SIGNATURE));
            return;
        }
        for (int j = i - 1, tried = 0; j >= 0 && tried < 2; j--) {
            if (lines.get(j).isBlank()) {
                continue;
            }
            tried++;
            String name = lines.get(j).squeezed();
            if (MetadataReader.isAgencyName(name)) {
                out.add(candidate(name, AgencyCandidate.SIGNATURE, lines.get(j), SIGNATURE));
                return;
            }
        }
    }

    /** A web page's head: 来源/发布机构 captions, and the names in its header lines and breadcrumb. */
    private static void fromHead(List<Line> lines, MetadataReader.Title title, List<AgencyCandidate> out) {
        int titleAt = title == null ? -1 : title.firstIndex();
        int above = MetadataReader.agencyAboveTitle(lines, title);
        int seen = 0;
        for (int i = 0; i < lines.size() && seen < HEAD_LINES; i++) {
            Line line = lines.get(i);
            if (title != null && i > title.lastIndex() + CAPTION_LINES) {
                break; // a page's caption (来源：…) sits just under the title; further down is the report's text
            }
            if (line.isBlank() || i == above || (title != null && i >= title.firstIndex() && i <= title.lastIndex())) {
                continue;
            }
            seen++;
            boolean captioned = false;
            // The caption's colon is cheap to look for; the pattern is not, on a long narrative line.
            Matcher caption = line.raw.indexOf('：') >= 0 || line.raw.indexOf(':') >= 0 ? CAPTION_LABEL.matcher(line.raw) : null;
            while (caption != null && caption.find()) {
                String value = line.raw.substring(caption.end()).trim().split("[\\s　]+")[0];
                value = TextNormalizer.squeeze(value);
                if (MetadataReader.isAgencyName(value)) {
                    out.add(candidate(value, AgencyCandidate.PAGE_HEADER, line, CAPTION));
                    captioned = true;
                }
            }
            if (captioned || (titleAt >= 0 && i > titleAt)) {
                continue; // below the title only captions count: the body text names many bodies
            }
            String name = null;
            for (String part : BREADCRUMB_SEPARATORS.split(line.raw.trim())) {
                String p = SITE_WORDS.matcher(TextNormalizer.squeeze(part)).replaceAll("");
                if (MetadataReader.isAgencyName(p) && !p.equals("首页")) {
                    name = p; // the last one is the most specific: 首页 > 某县人民政府 > 县财政局
                }
            }
            if (name != null) {
                out.add(candidate(name, AgencyCandidate.PAGE_HEADER, line, PAGE_HEADER));
            }
        }
    }

    /**
     * The first sentences: a sentence that names the compiler (本报告由某县财政局编制), and how the text calls itself
     * (现将我局…, 我县…), which is returned: 局, 委, 办, 县 and so on, or null.
     */
    private static String fromFirstSentences(List<Line> lines, MetadataReader.Title title, List<AgencyCandidate> out) {
        int from = title == null ? 0 : title.lastIndex() + 1;
        String self = null;
        int seen = 0;
        for (int i = from; i < lines.size() && seen < FIRST_SENTENCE_LINES; i++) {
            Line line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            seen++;
            String s = line.squeezed();
            Matcher compiled = s.contains("报告") ? COMPILED_BY.matcher(s) : null;
            if (compiled != null && compiled.find() && MetadataReader.isAgencyName(compiled.group(1))) {
                out.add(candidate(compiled.group(1), AgencyCandidate.FIRST_SENTENCE, line, FIRST_SENTENCE));
            }
            if (self == null && (s.indexOf('我') >= 0 || s.indexOf('本') >= 0)) {
                Matcher m = SELF.matcher(s);
                while (m.find()) {
                    // 本市/本县 in a law's name ("本省实施…") are rarer than 我县; 本机关, 本年 do not match at all.
                    if (m.group().startsWith("我") || self == null) {
                        self = m.group(1);
                        if (m.group().startsWith("我")) {
                            break;
                        }
                    }
                }
            }
        }
        return self;
    }

    /** The government a gov.cn host names (获嘉县人民政府 for www.huojia.gov.cn); its region serves as a hint too. */
    private static List<Division> fromSourceUrl(String sourceUrl, List<AgencyCandidate> out) {
        String host = HostRegions.govHost(sourceUrl);
        List<Division> found = HostRegions.get().lookup(host);
        if (found.size() == 1) {
            out.add(new AgencyCandidate(governmentOf(found.get(0)), AgencyCandidate.SOURCE_URL, null, host, SOURCE_URL));
        }
        return found;
    }

    /**
     * The division of the body that runs the site, from its identifier code (网站标识码: six digits of the division,
     * four of the site), which every government site prints in its footer and carries in its SiteIDCode meta tag.
     * Like the host, it places a body but does not name it: a department's report may sit on its government's site.
     */
    private static List<Division> fromSiteCode(List<Line> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            Line line = lines.get(i);
            if (line.raw.contains("标识码")) {
                Matcher m = SITE_CODE.matcher(line.squeezed());
                if (m.find()) {
                    Division d = Divisions.get().byAnyCode(m.group(1));
                    return d == null || Divisions.get().isPlaceholder(d) ? List.of() : List.of(d);
                }
            }
        }
        return List.of();
    }

    private static String governmentOf(Division d) {
        String n = d.name();
        if (d.level().equals(AdministrativeLevel.TOWNSHIP) && n.endsWith("街道")) {
            return n + "办事处";
        }
        return n + "人民政府";
    }

    private static AgencyCandidate candidate(String name, String source, Line line, double confidence) {
        return new AgencyCandidate(name, source, line.number, line.raw.strip(), confidence);
    }

    // ---- choice

    private static double score(AgencyCandidate c, List<AgencyCandidate> all, String self) {
        double score = c.confidence();
        List<String> supporting = new ArrayList<>();
        for (AgencyCandidate o : all) {
            if (o != c && !supporting.contains(o.source()) && sameBody(c.name(), o.name())) {
                supporting.add(o.source());
                score = 1 - (1 - score) * AGREEMENT_DOUBT;
            }
        }
        if (self != null) {
            score = kindFits(c.name(), self) ? 1 - (1 - score) * SELF_MATCH_DOUBT : score * SELF_CONFLICT_SHARE;
        }
        return score;
    }

    /** Two names of one body: equal, or one the other with its place written out (财政局, 获嘉县财政局). */
    private static boolean sameBody(String a, String b) {
        return a.equals(b) || (a.length() >= 3 && b.endsWith(a)) || (b.length() >= 3 && a.endsWith(b))
                || (isPlaceOnly(a) && b.startsWith(a)) || (isPlaceOnly(b) && a.startsWith(b));
    }

    private static boolean isPlaceOnly(String name) {
        // Most names end in a body's word; only a name ending like a division can be a place alone.
        char last = name.isEmpty() ? ' ' : name.charAt(name.length() - 1);
        if ("省市区县旗盟州镇乡道木".indexOf(last) < 0) {
            return false;
        }
        Divisions.Match m = Divisions.get().locate(name, null);
        return !m.none() && m.end() == name.length();
    }

    /** Whether a body of this name would call itself so: 我局 is a 局, 我县 a county's government or its office. */
    static boolean kindFits(String name, String self) {
        String n = name.endsWith("党组") || name.endsWith("党委") ? name.substring(0, name.length() - 2) : name;
        return switch (self) {
            case "局" -> n.endsWith("局");
            case "委" -> n.endsWith("委") || n.endsWith("委员会");
            case "委员会" -> n.endsWith("委员会");
            case "办" -> n.endsWith("办") || n.endsWith("办公室") || n.endsWith("办公厅");
            case "厅" -> n.endsWith("厅");
            case "署" -> n.endsWith("署");
            case "院" -> n.endsWith("院");
            case "中心" -> n.endsWith("中心");
            case "管委会" -> n.endsWith("管委会") || n.endsWith("管理委员会");
            case "街道", "办事处" -> n.endsWith("办事处") || n.endsWith("街道");
            // A government, its office reporting for it, or a zone's committee calls itself by its place.
            default -> isGovernment(n) || isPlaceOnly(n);
        };
    }

    private static boolean isGovernment(String n) {
        return n.endsWith("人民政府") || n.endsWith("政府") || n.endsWith("人民政府办公室") || n.endsWith("政府办公室")
                || n.endsWith("人民政府办公厅") || n.endsWith("政府办公厅") || n.endsWith("管委会") || n.endsWith("管理委员会")
                || n.endsWith("办事处");
    }

    /** A bare place name ("河曲县") is completed by a candidate that names the body there ("河曲县人民政府办公室"). */
    private static String extended(AgencyCandidate best, List<AgencyCandidate> all) {
        if (!isPlaceOnly(best.name())) {
            return best.name();
        }
        for (AgencyCandidate o : all) {
            if (o != best && o.name().startsWith(best.name()) && o.name().length() > best.name().length()
                    && !o.source().equals(AgencyCandidate.SOURCE_URL)) {
                return o.name();
            }
        }
        return best.name();
    }

    // ---- region and level

    /**
     * The agency's place names read against the data; a name several places share is settled by the other
     * candidates' places or the host's; a name without a place (财政局) takes the place the others give.
     */
    private static Division region(String agency, AgencyCandidate best, List<AgencyCandidate> all, List<Division> host) {
        Divisions divisions = Divisions.get();
        List<Division> hints = new ArrayList<>(host);
        for (AgencyCandidate o : all) {
            if (o != best && !o.source().equals(AgencyCandidate.SOURCE_URL)) {
                Divisions.Match m = divisions.locate(strip(o.name()), null);
                if (m.unique()) {
                    hints.add(m.divisions().get(0));
                }
            }
        }
        if (agency != null) {
            String name = strip(agency);
            Divisions.Match m = divisions.locate(name, null);
            if (m.unique()) {
                return m.divisions().get(0);
            }
            for (Division hint : hints) {
                Divisions.Match within = divisions.locate(name, hint);
                if (within.unique()) {
                    return within.divisions().get(0);
                }
            }
            if (!m.none()) {
                return commonAncestor(m.divisions());
            }
            Division zone = zonePlace(name);
            if (zone != null) {
                return zone;
            }
        }
        // No place in the name (县财政局, or no agency at all): the place the other evidence agrees on.
        return hints.isEmpty() ? null : commonAncestor(hints);
    }

    private static Division commonAncestor(List<Division> ds) {
        Divisions divisions = Divisions.get();
        Division a = ds.get(0);
        for (Division d : ds) {
            while (a != null && !Divisions.within(d, a)) {
                a = divisions.parent(a);
            }
        }
        return a;
    }

    /** 中共…, 中国共产党… precede the place in a Party body's name, 国家税务总局… in a national body's local branch. */
    private static String strip(String name) {
        String n = AdministrativeLevelClassifier.withoutNationalPrefix(TextNormalizer.compactOfRaw(name));
        if (n.startsWith("中共")) {
            return n.substring(2);
        }
        if (n.startsWith("中国共产党")) {
            return n.substring(5);
        }
        Matcher corps = CORPS.matcher(n);
        if (corps.find() && corps.end() < n.length()) {
            return n.substring(corps.end()); // 新疆生产建设兵团第八师石河子市: the city the division governs
        }
        return n;
    }

    /**
     * The level: a body sits at the level of the lowest division its name places it in (a department at its
     * government's); a zone that is not a division of its own (获嘉县产业集聚区) one level below the government it
     * is under; a township the data set does not know at township level; otherwise the name's own words decide
     * ({@link AdministrativeLevelClassifier}).
     */
    static String level(String agency, Division region) {
        if (agency == null) {
            return region == null ? AdministrativeLevel.UNKNOWN : levelOf(region.depth());
        }
        String name = strip(agency);
        Divisions.Match m = Divisions.get().locate(name, region);
        if (m.none()) {
            String byWords = AdministrativeLevelClassifier.classify(agency);
            if (byWords.equals(AdministrativeLevel.NATIONAL)) {
                return byWords;
            }
            Division zone = zonePlace(name);
            if (zone != null) {
                return levelOf(zone.depth()); // 平潭综合实验区 is 平潭县 in the codes
            }
            if (ZONE.matcher(name).find()) {
                // A zone whose name gives no government above it: only the region the evidence gives can place it.
                return region == null ? AdministrativeLevel.UNKNOWN : below(region);
            }
            if (region != null && !TOWNSHIP.matcher(name).find()) {
                return levelOf(region.depth()); // 财政局 on 获嘉县's site: a department of that government
            }
            return byWords;
        }
        String rest = name.substring(m.end());
        int depth = m.divisions().get(0).depth();
        if (ZONE.matcher(rest).find()) {
            return below(m.divisions().get(0));
        }
        if (depth < 3 && TOWNSHIP.matcher(rest).find()) {
            return AdministrativeLevel.TOWNSHIP;
        }
        return levelOf(depth);
    }

    /** The division a zone is named after and covers: 平潭综合实验区 → 平潭县. Null when none, or several. */
    private static Division zonePlace(String name) {
        Matcher zone = ZONE.matcher(name);
        if (!zone.find()) {
            return null;
        }
        String prefix = zone.group(1);
        for (int k = prefix.length(); k >= 2; k--) {
            List<Division> found = new ArrayList<>();
            for (String ending : List.of("县", "区", "市", "旗")) {
                for (Division d : Divisions.get().named(prefix.substring(0, k) + ending)) {
                    if (!d.level().equals(AdministrativeLevel.TOWNSHIP)) {
                        found.add(d);
                    }
                }
            }
            if (found.size() == 1) {
                return found.get(0);
            }
            if (found.size() > 1) {
                return null;
            }
        }
        return null;
    }

    /**
     * The level of the divisions directly under a government: a zone under it ranks with them. Under a municipality
     * that is its districts (county), under a city without counties (中山市) its towns.
     */
    private static String below(Division government) {
        int next = government.depth() + 1;
        int under = Divisions.get().directlyUnder(government).stream()
                .mapToInt(Division::depth).filter(d -> d >= next).min().orElse(next);
        return levelOf(Math.min(3, under));
    }

    private static String levelOf(int depth) {
        return switch (depth) {
            case 0 -> AdministrativeLevel.PROVINCE;
            case 1 -> AdministrativeLevel.CITY;
            case 2 -> AdministrativeLevel.COUNTY;
            default -> AdministrativeLevel.TOWNSHIP;
        };
    }
}
