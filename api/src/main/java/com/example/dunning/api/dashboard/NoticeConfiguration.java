package com.example.dunning.api.dashboard;

import com.example.dunning.notices.NoticeRenderer;
import com.example.dunning.notices.NoticeSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The notices' wording and brand for the dashboard's previews, from the same {@code
 * dunning.brand.*} and {@code dunning.notices.*} settings the worker sends with.
 */
@Configuration(proxyBeanMethods = false)
class NoticeConfiguration {

  @Bean
  NoticeRenderer noticeRenderer(Environment environment) {
    return NoticeSettings.renderer(environment::getProperty);
  }
}
