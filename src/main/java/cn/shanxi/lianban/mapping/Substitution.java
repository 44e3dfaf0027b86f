package cn.shanxi.lianban.mapping;

/**
 * A character the agency's charset cannot hold, replaced as the mapping declares. The
 * work item records every one, so a clerk can check the agency got the right person.
 *
 * @param record the index of the record among those rendered (-1 for a header or trailer)
 * @param field the field's name
 * @param character the character as written in the case, e.g. 𠮷
 * @param codePoint its code point, e.g. {@code U+20BB7}
 * @param substitute what was written instead
 */
public record Substitution(int record, String field, String character, String codePoint, String substitute) {
}
