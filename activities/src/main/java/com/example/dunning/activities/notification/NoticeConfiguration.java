package com.example.dunning.activities.notification;

import com.example.dunning.notices.Brand;
import com.example.dunning.notices.NoticeRenderer;
import com.example.dunning.notices.NoticeSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The notices' wording and brand, from {@code dunning.brand.*} and {@code dunning.notices.*}. */
@Configuration(proxyBeanMethods = false)
public class NoticeConfiguration {

  @Bean
  NoticeRenderer noticeRenderer(Environment environment) {
    return NoticeSettings.renderer(environment::getProperty);
  }

  @Bean
  Brand brand(NoticeRenderer renderer) {
    return renderer.brand();
  }
}
