package io.gongkai.model;

import java.util.Arrays;
import java.util.List;

/**
 * The rows of table 三, in template order. {@link #layouts} says in which template generation a row
 * exists: the 2021 format split 2019's single （六）其他处理 row into three.
 */
public enum ApplicationRow {
    NEW_RECEIVED("newReceived", "一、本年新收政府信息公开申请数量", Role.INTAKE, Layouts.BOTH),
    CARRIED_OVER("carriedOver", "二、上年结转政府信息公开申请数量", Role.INTAKE, Layouts.BOTH),
    GRANTED("granted", "（一）予以公开", Role.OUTCOME, Layouts.BOTH),
    PARTIALLY_GRANTED("partiallyGranted", "（二）部分公开", Role.OUTCOME, Layouts.BOTH),
    WITHHELD_STATE_SECRET("withheldStateSecret", "（三）不予公开 1.属于国家秘密", Role.OUTCOME, Layouts.BOTH),
    WITHHELD_PROHIBITED_BY_LAW("withheldProhibitedByLaw", "（三）不予公开 2.其他法律行政法规禁止公开", Role.OUTCOME, Layouts.BOTH),
    WITHHELD_THREE_SAFETIES_ONE_STABILITY("withheldThreeSafetiesOneStability", "（三）不予公开 3.危及“三安全一稳定”", Role.OUTCOME, Layouts.BOTH),
    WITHHELD_THIRD_PARTY_RIGHTS("withheldThirdPartyRights", "（三）不予公开 4.保护第三方合法权益", Role.OUTCOME, Layouts.BOTH),
    WITHHELD_INTERNAL_AFFAIRS("withheldInternalAffairs", "（三）不予公开 5.属于三类内部事务信息", Role.OUTCOME, Layouts.BOTH),
    WITHHELD_PROCESS_INFORMATION("withheldProcessInformation", "（三）不予公开 6.属于四类过程性信息", Role.OUTCOME, Layouts.BOTH),
    WITHHELD_ENFORCEMENT_CASE_FILE("withheldEnforcementCaseFile", "（三）不予公开 7.属于行政执法案卷", Role.OUTCOME, Layouts.BOTH),
    WITHHELD_ADMINISTRATIVE_QUERY("withheldAdministrativeQuery", "（三）不予公开 8.属于行政查询事项", Role.OUTCOME, Layouts.BOTH),
    UNAVAILABLE_NOT_HELD("unavailableNotHeld", "（四）无法提供 1.本机关不掌握相关政府信息", Role.OUTCOME, Layouts.BOTH),
    UNAVAILABLE_NEEDS_CREATION("unavailableNeedsCreation", "（四）无法提供 2.没有现成信息需要另行制作", Role.OUTCOME, Layouts.BOTH),
    UNAVAILABLE_UNCLEAR_AFTER_CORRECTION("unavailableUnclearAfterCorrection", "（四）无法提供 3.补正后申请内容仍不明确", Role.OUTCOME, Layouts.BOTH),
    NOT_PROCESSED_PETITION_COMPLAINT("notProcessedPetitionComplaint", "（五）不予处理 1.信访举报投诉类申请", Role.OUTCOME, Layouts.BOTH),
    NOT_PROCESSED_DUPLICATE("notProcessedDuplicate", "（五）不予处理 2.重复申请", Role.OUTCOME, Layouts.BOTH),
    NOT_PROCESSED_PUBLICATION("notProcessedPublication", "（五）不予处理 3.要求提供公开出版物", Role.OUTCOME, Layouts.BOTH),
    NOT_PROCESSED_EXCESSIVE_REPEATED("notProcessedExcessiveRepeated", "（五）不予处理 4.无正当理由大量反复申请", Role.OUTCOME, Layouts.BOTH),
    NOT_PROCESSED_CONFIRMATION("notProcessedConfirmation", "（五）不予处理 5.要求行政机关确认或重新出具已获取信息", Role.OUTCOME, Layouts.BOTH),
    OTHER_OVERDUE_CORRECTION("otherOverdueCorrection", "（六）其他处理 1.申请人无正当理由逾期不补正", Role.OUTCOME, Layouts.ONLY_2021),
    OTHER_OVERDUE_FEE("otherOverdueFee", "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用", Role.OUTCOME, Layouts.ONLY_2021),
    OTHER_OTHER("otherOther", "（六）其他处理 3.其他", Role.OUTCOME, Layouts.ONLY_2021),
    OTHER_HANDLING("otherHandling", "（六）其他处理", Role.OUTCOME, Layouts.ONLY_2019),
    TOTAL_HANDLED("totalHandled", "（七）总计", Role.TOTAL, Layouts.BOTH),
    CARRIED_FORWARD("carriedForward", "四、结转下年度继续办理", Role.CARRY_FORWARD, Layouts.BOTH);

    /** What a row means in the table's arithmetic. */
    public enum Role { INTAKE, OUTCOME, TOTAL, CARRY_FORWARD }

    /** In which template generations the row exists. */
    public enum Layouts { BOTH, ONLY_2021, ONLY_2019 }

    private final String key;
    private final String label;
    private final Role role;
    private final Layouts layouts;

    ApplicationRow(String key, String label, Role role, Layouts layouts) {
        this.key = key;
        this.label = label;
        this.role = role;
        this.layouts = layouts;
    }

    public String key() {
        return key;
    }

    /** The row's label in the official template, with its group, for messages. */
    public String label() {
        return label;
    }

    public Role role() {
        return role;
    }

    public Layouts layouts() {
        return layouts;
    }

    /** The rows of the table when （六）其他处理 is split (2021) or a single row (2019). */
    public static List<ApplicationRow> rows(boolean splitOtherHandling) {
        Layouts excluded = splitOtherHandling ? Layouts.ONLY_2019 : Layouts.ONLY_2021;
        return Arrays.stream(values()).filter(r -> r.layouts != excluded).toList();
    }

    public static ApplicationRow byKey(String key) {
        for (ApplicationRow row : values()) {
            if (row.key.equals(key)) {
                return row;
            }
        }
        return null;
    }
}
