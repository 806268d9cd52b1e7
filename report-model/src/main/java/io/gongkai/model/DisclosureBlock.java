package io.gongkai.model;

import java.util.List;

/**
 * The blocks of table 二 in template order: each block is captioned with the article of the 条例 it reports on
 * and holds one or two rows. 第二十条第（九）项 exists only in the 2019 layout.
 */
public enum DisclosureBlock {
    ARTICLE_20_1("第二十条第（一）项", List.of(DisclosureItem.RULES, DisclosureItem.NORMATIVE_DOCUMENTS)),
    ARTICLE_20_5("第二十条第（五）项", List.of(DisclosureItem.LICENSING, DisclosureItem.OTHER_MANAGEMENT_SERVICES)),
    ARTICLE_20_6("第二十条第（六）项", List.of(DisclosureItem.PUNISHMENT, DisclosureItem.ENFORCEMENT)),
    ARTICLE_20_8("第二十条第（八）项", List.of(DisclosureItem.FEES)),
    ARTICLE_20_9("第二十条第（九）项", List.of(DisclosureItem.CENTRALIZED_PROCUREMENT));

    private final String caption;
    private final List<DisclosureItem> items;

    DisclosureBlock(String caption, List<DisclosureItem> items) {
        this.caption = caption;
        this.items = items;
    }

    /** The block's caption row as printed in the template. */
    public String caption() {
        return caption;
    }

    /** The rows of the block, in template order (a row may exist in one generation only). */
    public List<DisclosureItem> items() {
        return items;
    }
}
