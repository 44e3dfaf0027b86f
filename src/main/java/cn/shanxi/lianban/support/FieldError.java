package cn.shanxi.lianban.support;

/**
 * One thing wrong with one field of an input, said in Chinese ({@code message}) and
 * English ({@code messageEn}); {@code code} is stable for programs.
 */
public record FieldError(String field, String code, String message, String messageEn) {
}
