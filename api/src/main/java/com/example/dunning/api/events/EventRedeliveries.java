package com.example.dunning.api.events;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Puts an event's finished deliveries back in the worker's queue. The API's own pool is read-only,
 * so this one write goes through a pool of one connection of its own ({@code defaultCandidate =
 * false}: offered to nothing else), which opens only when an operator redelivers.
 */
@Configuration(proxyBeanMethods = false)
public class EventRedeliveries {

  /** What a redelivery found. */
  public enum Outcome {
    /** Its deliveries are due again. */
    QUEUED,
    /** Every delivery of it is pending already: it goes out anyway. */
    PENDING_ALREADY,
    NO_SUCH_EVENT
  }

  @Bean(defaultCandidate = false)
  @Qualifier("eventRedeliveryDataSource")
  HikariDataSource eventRedeliveryDataSource(DataSourceProperties database) {
    HikariDataSource pool =
        database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    pool.setPoolName("event-redelivery");
    pool.setReadOnly(false);
    pool.setMaximumPoolSize(1);
    pool.setMinimumIdle(0);
    return pool;
  }

  @Bean
  Redeliver eventRedelivery(
      @Qualifier("eventRedeliveryDataSource") HikariDataSource eventRedeliveryDataSource) {
    return new Redeliver(new JdbcTemplate(eventRedeliveryDataSource));
  }

  /** The write itself. */
  public static class Redeliver {

    private final JdbcTemplate jdbc;

    Redeliver(JdbcTemplate jdbc) {
      this.jdbc = jdbc;
    }

    /**
     * Makes the event's failed and delivered deliveries due now, with three days of retries again;
     * the worker sends it under the same id.
     */
    public Outcome redeliver(String eventId) {
      int queued =
          jdbc.update(
              "UPDATE event_delivery SET state = 'PENDING', next_try_at = now(),"
                  + " give_up_at = now() + interval '3 days', leased_until = NULL,"
                  + " failed_at = NULL WHERE event_id = ? AND state <> 'PENDING'",
              eventId);
      if (queued > 0) {
        return Outcome.QUEUED;
      }
      Integer deliveries =
          jdbc.queryForObject(
              "SELECT count(*) FROM event_delivery WHERE event_id = ?", Integer.class, eventId);
      return deliveries == null || deliveries == 0
          ? Outcome.NO_SUCH_EVENT
          : Outcome.PENDING_ALREADY;
    }
  }
}
