package io.gongkai.reader.parsing;

/** A piece of a table line: a label or a value cell, in printed order. */
sealed interface LineItem permits Cell, LabelItem {
}
