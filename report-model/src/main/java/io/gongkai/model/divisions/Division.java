package io.gongkai.model.divisions;

import io.gongkai.model.AdministrativeLevel;

/**
 * One division of the statistics bureau's 统计用区划代码: its code as the data set writes it (2 digits for a
 * province, 4 for a city, 6 for a county, 9 for a township), name, level and the code of the division above.
 */
public record Division(String code, String name, String level, String parentCode) {

    /** 0 province, 1 city, 2 county, 3 township. */
    public int depth() {
        return switch (level) {
            case AdministrativeLevel.PROVINCE -> 0;
            case AdministrativeLevel.CITY -> 1;
            case AdministrativeLevel.COUNTY -> 2;
            default -> 3;
        };
    }

    /** The code in GB/T 2260's six digits (410000, 410700, 410724), or nine for a township. */
    public String gbCode() {
        return code.length() >= 6 ? code : (code + "000000").substring(0, 6);
    }
}
