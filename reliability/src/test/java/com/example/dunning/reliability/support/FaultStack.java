package com.example.dunning.reliability.support;

import com.example.dunning.dev.FreePorts;
import com.example.dunning.dev.WorkerProcess;
import com.example.dunning.workflows.client.DunningStart;
import com.example.dunning.workflows.client.DunningStarter;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.dunning.DunningWorkflow;
import com.example.dunning.workflows.dunning.PaymentFailed;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningResult;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What the fault scenarios run on, started once per test JVM: Temporal's test server (real time)
 * and PostgreSQL in this JVM, SMTP (GreenMail) and the Stripe and Twilio APIs (WireMock) in this
 * JVM, and the worker in a JVM of its own with the fast policy of {@code
 * dunning-worker-faults.yml}. The worker reaches Temporal and SMTP through links a test can cut;
 * PostgreSQL refuses connections by itself ({@code ALLOW_CONNECTIONS false}).
 */
public final class FaultStack implements AutoCloseable {

  /** The database the worker uses; the test's admin connection goes to {@code postgres}. */
  public static final String DATABASE = "dunning";

  private static FaultStack shared;

  public final TestServer.PortBoundTestServer temporal;
  public final int temporalPort;
  public final CuttableLink temporalLink;
  public final EmbeddedPostgres postgres;
  public final SmtpCatcher smtp;
  public final CuttableLink smtpLink;
  public final ProviderApis providers;
  public final WorkflowClient client;
  public final JdbcTemplate database;
  public final JdbcTemplate admin;
  private final WorkflowServiceStubs service;
  private final List<String> ownSettings;
  private WorkerProcess worker;
  private int workersStarted;

  private FaultStack(List<String> ownSettings) throws Exception {
    this.ownSettings = List.copyOf(ownSettings);
    temporalPort = FreePorts.one();
    temporal = TestServer.createPortBoundServer(temporalPort);
    temporalLink = CuttableLink.to("temporal", temporalPort);
    postgres = EmbeddedPostgres.builder().setPort(FreePorts.one()).start();
    admin = new JdbcTemplate(postgres.getPostgresDatabase());
    admin.execute("CREATE DATABASE " + DATABASE);
    database =
        new JdbcTemplate(
            new DriverManagerDataSource(
                postgres.getJdbcUrl("postgres", DATABASE), "postgres", "postgres"));
    smtp = new SmtpCatcher(FreePorts.one());
    smtp.start();
    smtpLink = CuttableLink.to("smtp", smtp.port());
    providers = new ProviderApis();
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + temporalPort)
                .build());
    client = WorkflowClient.newInstance(service);
  }

  /** The stack of this JVM, started on first use, with its worker running; closed at exit. */
  public static synchronized FaultStack shared() throws Exception {
    if (shared == null) {
      shared = new FaultStack(List.of());
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "fault-stack-stop"));
    }
    if (shared.worker == null || !shared.worker.isAlive()) {
      shared.startWorker();
    }
    return shared;
  }

  /**
   * A stack of the caller's own, not the shared one, whose every worker process also gets {@code
   * settings} (Spring arguments, e.g. a profile included on top of the faults one); started with
   * its worker running. The caller closes it.
   */
  public static FaultStack startOwn(List<String> settings) throws Exception {
    FaultStack own = new FaultStack(settings);
    try {
      own.startWorker();
    } catch (Exception | Error e) {
      own.close();
      throw e;
    }
    return own;
  }

  /** Starts a worker process (the first, or the next after a kill) and waits until it is up. */
  public synchronized void startWorker() throws Exception {
    startWorker(List.of());
  }

  /**
   * Starts a worker process with {@code settings} (Spring arguments) on top of the stack's own,
   * e.g. another build's workflow classes, and waits until it is up.
   */
  public synchronized void startWorker(List<String> settings) throws Exception {
    List<String> all = workerSettings();
    all.addAll(settings);
    worker =
        WorkerProcess.start(FreePorts.one(), List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"), all);
    workersStarted++;
  }

  /**
   * Stops the worker process as a deploy does (SIGTERM) and waits for it to exit.
   *
   * @return its exit code (143 after a graceful stop on SIGTERM)
   */
  public synchronized int stopWorker() throws InterruptedException {
    return worker.stopGracefully(Duration.ofSeconds(60));
  }

  /** Kills the worker process with SIGKILL. */
  public synchronized void killWorker() throws InterruptedException {
    worker.kill();
  }

  public int workersStarted() {
    return workersStarted;
  }

  private List<String> workerSettings() {
    List<String> all =
        new ArrayList<>(
            List.of(
                "--spring.profiles.active=faults",
                "--spring.temporal.connection.target=127.0.0.1:" + temporalLink.port(),
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", DATABASE),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpLink.port(),
                "--dunning.stripe.api-key=sk_test_reliability",
                "--dunning.stripe.api-base=" + providers.baseUrl(),
                "--dunning.stripe.smart-retries=false",
                "--dunning.sms.twilio.base-url=" + providers.baseUrl(),
                "--dunning.sms.twilio.account-sid=" + ProviderApis.TWILIO_ACCOUNT,
                "--dunning.sms.twilio.auth-token=reliability",
                "--dunning.sms.twilio.from=+15550000000",
                "--dunning.reconcile.enabled=false",
                // A refused database fails a write after 5 s rather than the pool's default 30 s,
                // so
                // that the outage scenario fits the suite's time; the behaviour is the same.
                "--spring.datasource.hikari.connection-timeout=5000",
                "--logging.level.root=WARN"));
    all.addAll(ownSettings);
    return all;
  }

  /**
   * Opens the dunning of a Stripe invoice whose first charge failed, as the webhook does: the
   * invoice is served by the Stripe stand-in from now on.
   *
   * @return the workflow id
   */
  public String openDunning(String invoiceId) {
    providers.openInvoice(invoiceId);
    return startDunning(invoiceId, "cus_" + invoiceId, ProviderApis.emailOf(invoiceId));
  }

  /**
   * Opens the dunning of a Stripe invoice of {@code customerId}, whose other invoices may be in
   * dunning too (one coordinator for them all when the worker has {@code
   * dunning.conversation.enabled}).
   *
   * @return the workflow id
   */
  public String openDunning(String invoiceId, String customerId) {
    providers.openInvoice(invoiceId, customerId);
    return startDunning(invoiceId, customerId, ProviderApis.emailOf(customerId));
  }

  private String startDunning(String invoiceId, String customerId, String email) {
    DunningRequest request =
        new DunningRequest("stripe", invoiceId, customerId, email, 1999, "usd", 1, Instant.now());
    new DunningStarter(client)
        .signalWithStart(
            DunningStart.of(request, "Stripe"),
            DunningWorkflow.PAYMENT_FAILED,
            new PaymentFailed(1, null, "card_declined", "insufficient_funds", Instant.now()));
    return DunningIds.workflowId("stripe", invoiceId);
  }

  /** Timers of the workflow that have fired: one per step come due, among others. */
  public long timersFired(String workflowId) {
    return client.fetchHistory(workflowId).getEvents().stream()
        .filter(event -> event.getEventType() == EventType.EVENT_TYPE_TIMER_FIRED)
        .count();
  }

  /** The first step's log: PAYMENT FAILED, then the step's EMAIL SENT and SMS SENT. */
  public static final int FIRST_STEP_LOG_LINES = 3;

  /** Lines of the dunning's log in PostgreSQL. */
  public int logLines(String workflowId) {
    return database.queryForObject(
        "SELECT count(*) FROM dunning_log WHERE dunning_id = ?", Integer.class, workflowId);
  }

  public DunningResult awaitResult(String workflowId, Duration within) throws Exception {
    return client
        .newUntypedWorkflowStub(workflowId)
        .getResult(within.toSeconds(), TimeUnit.SECONDS, DunningResult.class);
  }

  /** Refuses every new connection to the worker's database and ends the open ones. */
  public void refuseDatabase() {
    admin.execute("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS false");
    admin.queryForList(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?",
        Boolean.class,
        DATABASE);
  }

  public void allowDatabase() {
    admin.execute("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS true");
  }

  @Override
  public synchronized void close() {
    try {
      if (worker != null) {
        worker.kill();
      }
      service.shutdownNow();
      providers.close();
      smtpLink.close();
      smtp.close();
      temporalLink.close();
      temporal.close();
      postgres.close();
    } catch (Exception e) {
      throw new IllegalStateException("the fault stack did not stop cleanly", e);
    }
  }
}
