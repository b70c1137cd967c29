package com.example.dunning.dev;

import com.example.dunning.api.DunningApiApplication;
import com.example.dunning.api.security.ApiTokens;
import com.example.dunning.worker.DunningWorkerApplication;
import io.temporal.testserver.TestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole stack on one machine, in one process, with no outside service: Temporal's test server
 * on 127.0.0.1:7233 (in memory: a restart forgets every workflow), PostgreSQL, an SMTP server that
 * catches the mail, a stand-in for Stripe, the worker and the API on 127.0.0.1:8080.
 *
 * <p>Whatever the environment sets wins: TEMPORAL_ADDRESS uses that Temporal instead of the test
 * server, SPRING_DATASOURCE_URL uses that database instead of the embedded one, STRIPE_API_KEY uses
 * Stripe itself, STRIPE_WEBHOOK_SECRET replaces the dev secret, DUNNING_API_TOKEN is the API's
 * token (read and resolve), else one is made up and printed. Outbound events go to the stack's own
 * receiver (127.0.0.1:8026, signed with {@link #DEV_EVENTS_SECRET}) unless
 * DUNNING_EVENTS_ENDPOINTS_0_URL names another, or DUNNING_EVENTS_RECEIVER=off.
 */
public final class DevStack implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DevStack.class);

  /** The webhook secret of the dev stack, when STRIPE_WEBHOOK_SECRET is not set. */
  public static final String DEV_WEBHOOK_SECRET = "whsec_dev_dunning";

  /** The secret that signs the events sent to the stack's own receiver. */
  public static final String DEV_EVENTS_SECRET = "whsec_dev_events_0123456789abcdef0123456789";

  private final DevPorts ports;
  private final Map<String, String> env;
  private final List<AutoCloseable> started = new ArrayList<>();
  private CaughtMail mail;
  private DemoStripe stripe;
  private EventReceiver events;
  private ConfigurableApplicationContext worker;
  private ConfigurableApplicationContext api;
  private String apiToken;

  public DevStack(DevPorts ports, Map<String, String> env) {
    this.ports = ports;
    this.env = env;
  }

  public static void main(String[] args) throws Exception {
    DevStack stack = new DevStack(DevPorts.standard(), System.getenv());
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "dev-stack-shutdown"));
    stack.start(args);
  }

  public void start(String... args) throws Exception {
    String temporal = env.get("TEMPORAL_ADDRESS");
    boolean temporalGiven = temporal != null && !temporal.isBlank();
    if (!temporalGiven) {
      started.add(TestServer.createPortBoundServer(ports.temporal()));
      temporal = "127.0.0.1:" + ports.temporal();
    }
    List<String> settings = new ArrayList<>(List.of(args));
    settings.add("--spring.temporal.connection.target=" + temporal);
    settings.add("--spring.profiles.include=dev");
    if (!env.containsKey("SPRING_DATASOURCE_URL")) {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(ports.postgres()).start();
      started.add(postgres);
      settings.add("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"));
      settings.add("--spring.datasource.username=postgres");
      settings.add("--spring.datasource.password=postgres");
    }
    if (!env.containsKey("SMTP_HOST")) {
      mail = new CaughtMail(ports.smtp(), ports.mailViewer());
      mail.start();
      started.add(mail::stop);
      settings.add("--spring.mail.host=127.0.0.1");
      settings.add("--spring.mail.port=" + ports.smtp());
    }
    if (!env.containsKey("STRIPE_API_KEY")) {
      stripe = new DemoStripe(ports.stripe());
      stripe.start();
      started.add(stripe::stop);
      settings.add("--dunning.stripe.api-key=sk_test_dev_stack");
      settings.add("--dunning.stripe.api-base=http://127.0.0.1:" + ports.stripe());
      // The stand-in never retries a charge by itself, so the dunning does.
      settings.add("--dunning.stripe.smart-retries=false");
    }
    if (!env.containsKey("DUNNING_EVENTS_ENDPOINTS_0_URL")
        && !"off".equals(env.get("DUNNING_EVENTS_RECEIVER"))) {
      events = new EventReceiver(ports.eventReceiver(), DEV_EVENTS_SECRET);
      events.start();
      started.add(events::stop);
      settings.add(
          "--dunning.events.endpoints[0].url=http://127.0.0.1:"
              + ports.eventReceiver()
              + "/events");
      settings.add("--dunning.events.endpoints[0].secret=" + DEV_EVENTS_SECRET);
    }
    if (!env.containsKey("STRIPE_WEBHOOK_SECRET")) {
      settings.add("--dunning.stripe.webhook-secret=" + DEV_WEBHOOK_SECRET);
    }
    String tokenFromEnv = env.get("DUNNING_API_TOKEN");
    boolean tokenGiven = tokenFromEnv != null && !tokenFromEnv.isBlank();
    apiToken = tokenGiven ? tokenFromEnv.strip() : newApiToken();
    settings.add("--dunning.api.tokens[0].name=dev");
    settings.add("--dunning.api.tokens[0].sha256=" + ApiTokens.sha256Hex(apiToken));
    settings.add("--dunning.api.tokens[0].scopes=read,resolve");
    String[] workerArgs = with(settings, "--server.port=" + ports.worker());
    worker =
        new SpringApplicationBuilder(DunningWorkerApplication.class)
            .properties(DunningWorkerApplication.CONFIG_NAME)
            .run(workerArgs);
    api =
        new SpringApplicationBuilder(DunningApiApplication.class)
            .properties(DunningApiApplication.CONFIG_NAME)
            .run(with(settings, "--server.port=" + ports.api()));
    log.info(
        """

        Dunning dev stack is up:
          API          http://127.0.0.1:{}  (POST /webhooks/stripe, /api/v1/dunnings, /swagger-ui.html)
          Dashboard    http://127.0.0.1:{}/dashboard  (sign in with the API token)
          Temporal     {}
          Caught mail  http://127.0.0.1:{}/
          Events       {}
          Worker       http://127.0.0.1:{}/actuator/health
          Stripe       {}
          Webhook secret {}
          API token    {}
        """,
        ports.api(),
        ports.api(),
        temporalGiven
            ? temporal + " (TEMPORAL_ADDRESS)"
            : temporal
                + ", namespace default (in memory: a restart forgets every workflow;\n"
                + "               it listens on every interface, so keep this machine's port "
                + ports.temporal()
                + " closed)",
        ports.mailViewer(),
        events == null
            ? "to DUNNING_EVENTS_ENDPOINTS_* (or off)"
            : "http://127.0.0.1:"
                + ports.eventReceiver()
                + "/  (received and checked; secret "
                + DEV_EVENTS_SECRET
                + ")",
        ports.worker(),
        env.containsKey("STRIPE_API_KEY")
            ? "Stripe's API (STRIPE_API_KEY)"
            : "demo stand-in on 127.0.0.1:" + ports.stripe(),
        env.containsKey("STRIPE_WEBHOOK_SECRET")
            ? "from STRIPE_WEBHOOK_SECRET"
            : DEV_WEBHOOK_SECRET,
        tokenGiven
            ? "from DUNNING_API_TOKEN (scopes read, resolve)"
            : "export DUNNING_API_TOKEN="
                + apiToken
                + "  (made up for this run; scopes read, resolve)");
  }

  /** The SMTP server that catches the mail, or null when SMTP_HOST names another. */
  CaughtMail mail() {
    return mail;
  }

  /** The receiver of outbound events; null when the events go elsewhere or nowhere. */
  public EventReceiver events() {
    return events;
  }

  /** The Stripe stand-in; null when STRIPE_API_KEY points the stack at Stripe itself. */
  DemoStripe stripe() {
    return stripe;
  }

  /** The Bearer token the API accepts, with both scopes. */
  public String apiToken() {
    return apiToken;
  }

  public ConfigurableApplicationContext worker() {
    return worker;
  }

  public ConfigurableApplicationContext api() {
    return api;
  }

  @Override
  public void close() {
    if (api != null) {
      api.close();
    }
    if (worker != null) {
      worker.close();
    }
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        log.warn("dev stack: {} did not stop cleanly", started.get(i), e);
      }
    }
    started.clear();
  }

  private static String newApiToken() {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    return "dev_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  private static String[] with(List<String> settings, String more) {
    List<String> all = new ArrayList<>(settings);
    all.add(more);
    return all.toArray(String[]::new);
  }
}
