package com.example.dunning.activities.notification;

import com.example.dunning.notices.Brand;
import com.example.dunning.notices.NoticeRenderer;
import com.example.dunning.notices.NoticeSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The notices' wording and brand, from {@code dunning.brand.*} and {@code dunning.notices.*}; an
 * unbranded worker says so at start-up, since its notices are signed with a placeholder name.
 */
@Configuration(proxyBeanMethods = false)
public class NoticeConfiguration {

  private static final Logger log = LoggerFactory.getLogger(NoticeConfiguration.class);

  @Bean
  NoticeRenderer noticeRenderer(Environment environment) {
    NoticeRenderer renderer = NoticeSettings.renderer(environment::getProperty);
    if (NoticeSettings.DEFAULT_COMPANY.equals(renderer.brand().companyName())) {
      log.warn(
          "notices are signed \"{}\": set DUNNING_BRAND_COMPANY_NAME"
              + " (dunning.brand.company-name) and the other dunning.brand.* settings",
          NoticeSettings.DEFAULT_COMPANY);
    }
    return renderer;
  }

  @Bean
  Brand brand(NoticeRenderer renderer) {
    return renderer.brand();
  }
}
