package com.example.dunning.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.workflows.policy.NoticeKind;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NoticeTextsTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[#^/]?\\s*([^}\\s]+)\\s*}}");

  private final NoticeTexts texts = new NoticeTexts();

  @Test
  void givenTheFolderOfTexts_itShouldHoldOneFilePerLanguageAndNoOther() throws Exception {
    Set<String> files;
    try (Stream<Path> listed = Files.list(folder())) {
      files =
          listed
              .map(path -> path.getFileName().toString())
              .filter(name -> name.endsWith(".properties"))
              .collect(Collectors.toCollection(TreeSet::new));
    }

    assertThat(files)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(NoticeLanguage.values()).map(NoticeTexts::fileName).toList());
  }

  @Test
  void givenEnglish_itShouldWordEveryKindForBothChannels() {
    for (NoticeKind kind : NoticeKind.values()) {
      String prefix = NoticeTexts.prefix(kind);
      assertThat(texts.keys(NoticeLanguage.EN))
          .contains(prefix + ".subject", prefix + ".lead", prefix + ".action", prefix + ".sms");
      String several = prefix + NoticeRenderer.SEVERAL;
      assertThat(texts.keys(NoticeLanguage.EN))
          .contains(several + ".subject", several + ".lead", several + ".action", several + ".sms");
    }
  }

  @Test
  void givenEnglish_onlyTheWholeMessageForSeveralInvoicesShouldCountAndTotalAndNameNoOneInvoice() {
    for (String key : texts.keys(NoticeLanguage.EN)) {
      Set<String> used = placeholders(texts.raw(NoticeLanguage.EN, key));
      // Each invoice's link in the list is worded with that invoice's own amount and package.
      boolean aboutSeveral = key.contains(NoticeRenderer.SEVERAL + ".") && !key.endsWith(".action");
      if (aboutSeveral) {
        assertThat(used).as("placeholders of %s", key).doesNotContain("amount", "packageName");
      } else {
        assertThat(used)
            .as("placeholders of %s", key)
            .doesNotContainAnyElementsOf(NoticeRenderer.SEVERAL_PLACEHOLDERS);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(NoticeLanguage.class)
  void givenEachLanguage_itShouldHaveEnglishsKeysWithTheSamePlaceholders(NoticeLanguage language) {
    assertThat(texts.keys(language))
        .as("keys of %s", NoticeTexts.fileName(language))
        .containsExactlyInAnyOrderElementsOf(texts.keys(NoticeLanguage.EN));
    for (String key : texts.keys(NoticeLanguage.EN)) {
      assertThat(placeholders(texts.raw(language, key)))
          .as("placeholders of %s in %s", key, NoticeTexts.fileName(language))
          .isEqualTo(placeholders(texts.raw(NoticeLanguage.EN, key)))
          .isSubsetOf(NoticeRenderer.PLACEHOLDERS);
    }
  }

  private static Set<String> placeholders(String text) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static Path folder() throws IOException, URISyntaxException {
    return Path.of(NoticeTextsTest.class.getClassLoader().getResource(NoticeTexts.FOLDER).toURI());
  }
}
