package com.example.dunning.activities.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

class MailStreamProviderTest {

  @Test
  void givenTheMailerLoaded_whenJakartaMailAsksForItsStreamProvider_itShouldGetTheNamedOne()
      throws Exception {
    Class.forName(NoticeMailer.class.getName()); // runs its static initializer

    assertThat(System.getProperty(NoticeMailer.STREAM_PROVIDER))
        .isEqualTo(NoticeMailer.ANGUS_STREAM_PROVIDER);
    // By name: a name that is not a StreamProvider on the class path fails here.
    assertThat(StreamProvider.provider().getClass().getName())
        .isEqualTo(NoticeMailer.ANGUS_STREAM_PROVIDER);
  }
}
