package cn.shanxi.lianban.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.shanxi.lianban.dispatch.AgencyCatalogue;
import cn.shanxi.lianban.dispatch.AgencyProperties.Agency;
import cn.shanxi.lianban.dispatch.AgencyProperties.Transport;
import cn.shanxi.lianban.mapping.MappingCatalog;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Relays committed outbox rows to the agencies' routes. The {@code outbox-relay} route (a
 * Camel timer) calls {@link #poll}: for every agency with room in its lane, due rows are
 * claimed ({@link OutboxClaims}) and handed to the agency's delivery route
 * ({@code lianban.agencies.<CODE>.route}) on the lane's threads; each outcome is recorded
 * ({@link DeliveryRecords}).
 *
 * <p>
 * At least once, never silently twice: a message is marked delivered only after its route
 * returned, so an instance killed in between sends it again when its lease ends — with
 * the same dedup key, so the agency recognises the repeat. Stopping hands back the claims
 * not yet started.
 */
@Component("outboxRelay")
class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	static final String DEDUP_KEY_HEADER = "X-Lianban-Dedup-Key";

	static final String MESSAGE_ID_HEADER = "X-Lianban-Message-Id";

	private final OutboxClaims claims;

	private final DeliveryRecords records;

	private final DeliveryOutcomes outcomes;

	private final DeliveryBodies bodies;

	private final BatchFiles batches;

	private final AgencyCatalogue catalogue;

	private final DeliveryProperties properties;

	private final ProducerTemplate producer;

	private final MappingCatalog mappings;

	private final Clock clock;

	private final String instance;

	private final boolean namedInstance;

	private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

	private final OutcomeRecorder recorder;

	private volatile boolean running;

	OutboxRelay(OutboxClaims claims, DeliveryRecords records, DeliveryOutcomes outcomes, DeliveryBodies bodies,
			BatchFiles batches, AgencyCatalogue catalogue, DeliveryProperties properties, ProducerTemplate producer,
			MappingCatalog mappings, Clock clock) {
		this.mappings = mappings;
		this.claims = claims;
		this.records = records;
		this.outcomes = outcomes;
		this.bodies = bodies;
		this.batches = batches;
		this.catalogue = catalogue;
		this.properties = properties;
		this.producer = producer;
		this.clock = clock;
		this.namedInstance = StringUtils.hasText(properties.instanceId());
		this.instance = this.namedInstance ? properties.instanceId() : "hub-" + UUID.randomUUID();
		this.recorder = new OutcomeRecorder(records, this.instance);
	}

	/** This instance's name in the claims. */
	String instance() {
		return this.instance;
	}

	/** The agencies this instance sends to: those with a mapping and a route. */
	static boolean sendable(Agency agency) {
		return StringUtils.hasText(agency.mapping()) && agency.transport() != Transport.NONE;
	}

	/** Once the routes are up: every agency that sends has its mapping and its route. */
	@EventListener(ApplicationReadyEvent.class)
	void checkAgencies() {
		AgencyChecks.check(this.catalogue, this.mappings, this.producer.getCamelContext());
	}

	@Override
	public void start() {
		for (String code : this.catalogue.configuredCodes()) {
			Agency agency = this.catalogue.settings(code).orElseThrow();
			if (sendable(agency)) {
				this.lanes.put(code, new Lane(code, agency, this.catalogue.routeOf(code), this.properties));
			}
		}
		if (this.namedInstance) {
			int released = this.claims.releaseAll(this.instance, this.clock.instant());
			if (released > 0) {
				log.info("Took back {} claims this instance ({}) held when it stopped", released, this.instance);
			}
		}
		this.recorder.start(this.properties.recorders());
		this.running = true;
		log.info("Outbox relay {} delivering to {}", this.instance, this.lanes.keySet());
	}

	/**
	 * Claims what is due and hands it to the agencies' routes; called by the timer route.
	 */
	public int poll() {
		if (!this.running) {
			return 0;
		}
		Instant now = this.clock.instant();
		Instant leaseEnd = now.plus(this.properties.lease());
		Map<String, Integer> messages = new HashMap<>();
		Map<String, Integer> batchRetries = new HashMap<>();
		for (Lane lane : this.lanes.values()) {
			if (lane.wantsMore()) {
				(lane.batched() ? batchRetries : messages).put(lane.agency(), lane.free());
			}
		}
		List<Delivery> claimed = new ArrayList<>(this.claims.claimMessages(messages, now, leaseEnd, this.instance));
		claimed.addAll(this.claims.claimBatches(batchRetries, now, leaseEnd, this.instance));
		for (Delivery d : claimed) {
			submit(d);
		}
		int count = claimed.size();
		for (Lane lane : this.lanes.values()) {
			try {
				while (lane.batched() && lane.free() > 0) {
					Delivery batch = this.batches.make(lane.agency(), lane.batchSize(), now, leaseEnd, this.instance);
					if (batch == null) {
						break;
					}
					submit(batch);
					count++;
				}
			}
			catch (RuntimeException ex) {
				// its rows stay due; the other agencies' batches are made all the same
				log.error("Could not make a batch file for {}", lane.agency(), ex);
			}
		}
		return count;
	}

	private void submit(Delivery delivery) {
		Lane lane = this.lanes.get(delivery.agency());
		lane.submit(delivery, () -> deliver(lane, delivery));
	}

	private void deliver(Lane lane, Delivery delivery) {
		Outcome outcome;
		try {
			Exchange exchange = exchange(delivery);
			this.producer.send(lane.route(), exchange);
			outcome = this.outcomes.of(exchange);
		}
		catch (RuntimeException ex) {
			outcome = Outcome.failed(this.outcomes.cut(DeliveryOutcomes.describe(ex)), false);
		}
		this.recorder.add(new OutcomeRecorder.Entry(lane, delivery, outcome));
	}

	private Exchange exchange(Delivery d) {
		Exchange exchange = new DefaultExchange(this.producer.getCamelContext());
		exchange.getIn().setBody(this.bodies.body(d));
		exchange.getIn().setHeader(DEDUP_KEY_HEADER, d.dedupKey());
		if (d.messageId() != null) {
			exchange.getIn().setHeader(MESSAGE_ID_HEADER, d.messageId());
		}
		exchange.getIn().setHeader(Exchange.CONTENT_TYPE, d.contentType());
		exchange.getIn().setHeader(Exchange.HTTP_METHOD, "POST");
		exchange.getIn().setHeader(Exchange.FILE_NAME, (d.fileName() != null) ? d.fileName() : d.dedupKey());
		exchange.setProperty("lianbanAgency", d.agency());
		exchange.setProperty("lianbanDedupKey", d.dedupKey());
		exchange.setProperty("lianbanMessageId", d.messageId());
		return exchange;
	}

	@Override
	public void stop() {
		this.running = false;
		List<Delivery> unsent = new ArrayList<>();
		for (Lane lane : this.lanes.values()) {
			unsent.addAll(lane.shutdown());
		}
		if (!unsent.isEmpty()) {
			int released = this.claims.release(this.instance, unsent, this.clock.instant());
			log.info("Stopping: handed back {} claimed deliveries not yet sent", released);
		}
		for (Lane lane : this.lanes.values()) {
			lane.awaitTermination();
		}
		this.recorder.stop();
		this.lanes.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Stops before Camel does, so the deliveries in progress can finish on their routes.
	 */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
