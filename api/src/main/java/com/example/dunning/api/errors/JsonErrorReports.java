package com.example.dunning.api.errors;

import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.JsonErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Requests Tomcat refuses before Spring sees them (an encoded slash or backslash in the path, a
 * malformed request line) are answered in JSON, {@code {"type", "message", "description"}}, instead
 * of Tomcat's HTML error page: every answer of the API is JSON.
 */
@Configuration
class JsonErrorReports {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorReportValve() {
    return factory ->
        factory.addContextCustomizers(
            context -> {
              if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
              }
            });
  }
}
