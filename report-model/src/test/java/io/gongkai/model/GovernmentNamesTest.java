package io.gongkai.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GovernmentNamesTest {

    @Test
    void governmentsTheirOfficesStreetOfficesAndCommitteesButNotDepartments() {
        assertTrue(GovernmentNames.isGovernment("获嘉县人民政府"));
        assertTrue(GovernmentNames.isGovernment("获嘉县人民政府办公室"), "the office reporting in the government's name");
        assertTrue(GovernmentNames.isGovernment("河南省人民政府办公厅"));
        assertTrue(GovernmentNames.isGovernment("城关街道办事处"));
        assertTrue(GovernmentNames.isGovernment("新乡经济技术开发区管理委员会"));
        assertTrue(GovernmentNames.isGovernment("获嘉县 人民政府"), "spaces as printed");
        assertFalse(GovernmentNames.isGovernment("获嘉县财政局"));
        assertFalse(GovernmentNames.isGovernment("获嘉县人民政府办公室文件"));
        assertFalse(GovernmentNames.isGovernment(null));
    }
}
