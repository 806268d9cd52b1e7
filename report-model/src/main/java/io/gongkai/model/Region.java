package io.gongkai.model;

/**
 * Where a reporting body sits in the national division codes (统计用区划代码 / GB/T 2260): the code of the
 * lowest division known (6 digits down to counties, 9 for a township) and the names from the province down;
 * a name is null for a level the body is above (or a municipality's placeholder level, 市辖区).
 */
public record Region(String code, String province, String city, String county, String township) {
}
