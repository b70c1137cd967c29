package com.example.dunning.notices;

import com.example.dunning.workflows.policy.NoticeKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The wording of every notice in every {@link NoticeLanguage}: one UTF-8 file per language, {@code
 * notices/messages_<tag>.properties} on the class path, whose values are Mustache templates.
 */
public final class NoticeTexts {

  static final String FOLDER = "notices/";

  private final Map<NoticeLanguage, Properties> byLanguage = new EnumMap<>(NoticeLanguage.class);

  public NoticeTexts() {
    for (NoticeLanguage language : NoticeLanguage.values()) {
      byLanguage.put(language, read(fileName(language)));
    }
  }

  /** The file a language's wording is in. */
  public static String fileName(NoticeLanguage language) {
    return "messages_" + language.tag() + ".properties";
  }

  /** The key prefix of a notice kind: {@code final-warning} for {@code FINAL_WARNING}. */
  public static String prefix(NoticeKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The wording of a key; a key missing from a language's file is an error, not English. */
  String text(NoticeLanguage language, String key) {
    String value = byLanguage.get(language).getProperty(key);
    if (value == null) {
      throw new IllegalStateException(
          "notice text " + key + " missing from " + FOLDER + fileName(language));
    }
    return value;
  }

  /** Every key in a language's file. */
  public Set<String> keys(NoticeLanguage language) {
    return byLanguage.get(language).stringPropertyNames();
  }

  /** The raw wording of a key, or null. */
  public String raw(NoticeLanguage language, String key) {
    return byLanguage.get(language).getProperty(key);
  }

  private static Properties read(String file) {
    String path = FOLDER + file;
    try (InputStream in = NoticeTexts.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("notice texts missing on the class path: " + path);
      }
      Properties texts = new Properties();
      texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return texts;
    } catch (IOException e) {
      throw new UncheckedIOException("notice texts unreadable: " + path, e);
    }
  }
}
