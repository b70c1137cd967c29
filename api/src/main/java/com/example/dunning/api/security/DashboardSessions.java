package com.example.dunning.api.security;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.session.jdbc.config.annotation.SpringSessionDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where the dashboard's sessions are kept: PostgreSQL's {@code spring_session} tables (Spring
 * Session JDBC, auto-configured by Boot), so every API instance knows every signed-in user. The
 * API's own pool is read-only, so the sessions get a small writable pool of their own on the same
 * database; neither is offered to anything else ({@code defaultCandidate = false}).
 */
@Configuration(proxyBeanMethods = false)
class DashboardSessions {

  @Bean(defaultCandidate = false)
  @SpringSessionDataSource
  HikariDataSource dashboardSessionDataSource(
      DataSourceProperties database,
      @Value("${dunning.dashboard.sessions.pool-size:2}") int poolSize) {
    HikariDataSource pool =
        database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    pool.setPoolName("dashboard-sessions");
    pool.setReadOnly(false);
    pool.setMaximumPoolSize(poolSize);
    pool.setMinimumIdle(0);
    return pool;
  }

  /** Each session write commits on its own, on the sessions' pool (Spring Session's own rule). */
  @Bean(defaultCandidate = false)
  @Qualifier("springSessionTransactionOperations")
  TransactionOperations springSessionTransactionOperations(
      @SpringSessionDataSource DataSource sessions) {
    TransactionTemplate transactions =
        new TransactionTemplate(new DataSourceTransactionManager(sessions));
    transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    return transactions;
  }
}
