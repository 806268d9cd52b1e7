package io.gongkai.ingest.web;

import io.gongkai.model.AdministrativeLevel;
import io.gongkai.model.TemplateVersion;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Chinese words the workbench shows for the model's codes (levels, template versions, statuses). */
public final class Words {

    public static final Map<String, String> LEVELS = ordered(
            AdministrativeLevel.NATIONAL, "国家级", AdministrativeLevel.PROVINCE, "省级", AdministrativeLevel.CITY, "市级",
            AdministrativeLevel.COUNTY, "县级", AdministrativeLevel.TOWNSHIP, "乡镇级", AdministrativeLevel.UNKNOWN, "未识别");
    public static final Map<String, String> TEMPLATES = ordered(
            TemplateVersion.V2021, "2021 版格式", TemplateVersion.V2019, "2019 版格式", TemplateVersion.MIXED, "新旧格式混用",
            TemplateVersion.PRE2019, "2019 年前格式");
    public static final Map<String, String> STATUSES = ordered(
            "RECEIVED", "已接收", "EXTRACTED", "已读取", "VALIDATED", "已校验", "FAILED", "处理失败");
    public static final Map<String, String> SEVERITIES = ordered("error", "错误", "warning", "警告", "info", "提示");

    private Words() {
    }

    public static String level(String code) {
        return code == null ? "" : LEVELS.getOrDefault(code, code);
    }

    public static String template(String code) {
        return code == null ? "" : TEMPLATES.getOrDefault(code, code);
    }

    public static String status(String code) {
        return code == null ? "" : STATUSES.getOrDefault(code, code);
    }

    public static String severity(String code) {
        return code == null ? "" : SEVERITIES.getOrDefault(code, code);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
