package io.gongkai.ingest.web;

import io.quarkus.qute.TemplateGlobal;
import java.util.Map;

/** The choices the workbench's filter forms offer, code to Chinese word, in display order. */
@TemplateGlobal
public class WorkbenchGlobals {

    static Map<String, String> levels = Words.LEVELS;
    static Map<String, String> templates = Words.TEMPLATES;
    static Map<String, String> statuses = Words.STATUSES;
    static Map<String, String> severities = Words.SEVERITIES;
}
