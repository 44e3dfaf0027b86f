package cn.shanxi.lianban.sla;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lianban.calendar}: where the official working-day calendar lives.
 *
 * @param dir the folder of {@code cn-<year>.yaml} files, relative to the working
 * directory unless absolute
 */
@ConfigurationProperties("lianban.calendar")
record CalendarProperties(@DefaultValue("calendar") Path dir) {
}
