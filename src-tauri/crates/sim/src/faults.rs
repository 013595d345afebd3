//! Misbehaviour on demand: 5xx and 429 bursts, ExaRoutes plan-quota 429s, dropped connections,
//! truncated or non-JSON bodies and extra latency, each for the next N requests or with a
//! probability (drawn from the seeded generator), optionally for one service only.

use qrdesk_core::ProviderKind;
use serde::{Deserialize, Serialize};

use crate::deterministic_rng::{hash, SplitMix64};

/// What happens to a request a fault fires on.
#[derive(Debug, Clone, PartialEq)]
pub enum FaultKind {
    /// A 5xx (default 503) with the service's error body.
    ServerError { status: u16 },
    /// A 429 with the service's body; `Retry-After` only when given.
    TooManyRequests { retry_after_secs: Option<u64> },
    /// ExaRoutes plan quota: 429 + `X-ExaRoutes-Error-Code: PLAN_LIMIT_REACHED` (ExaRoutes only).
    PlanLimit,
    /// The socket is closed without any response.
    DropConnection,
    /// The real response, its body cut in half (Content-Length matches the cut body).
    TruncatedBody,
    /// An HTML page instead of JSON, with this status (default 200).
    NonJsonBody { status: u16 },
    /// The request is answered normally, `ms` later.
    Latency { ms: u64 },
}

impl FaultKind {
    /// The kind's name in the control API and the flag form.
    pub fn name(&self) -> &'static str {
        match self {
            FaultKind::ServerError { .. } => "server_error",
            FaultKind::TooManyRequests { .. } => "too_many_requests",
            FaultKind::PlanLimit => "plan_limit",
            FaultKind::DropConnection => "drop_connection",
            FaultKind::TruncatedBody => "truncated_body",
            FaultKind::NonJsonBody { .. } => "non_json_body",
            FaultKind::Latency { .. } => "latency",
        }
    }
}

/// When a fault fires.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FaultTrigger {
    /// The next N matching requests.
    Next(u32),
    /// Each matching request with probability p (0..=1), until cleared.
    Probability(f64),
}

/// One injected fault.
#[derive(Debug, Clone, PartialEq)]
pub struct Fault {
    pub kind: FaultKind,
    pub trigger: FaultTrigger,
    /// Only requests to this service (`None`: every service).
    pub service: Option<ProviderKind>,
}

impl Fault {
    pub fn next(kind: FaultKind, n: u32) -> Fault {
        Fault { kind, trigger: FaultTrigger::Next(n), service: None }
    }

    pub fn probability(kind: FaultKind, p: f64) -> Fault {
        Fault { kind, trigger: FaultTrigger::Probability(p.clamp(0.0, 1.0)), service: None }
    }

    /// Limits the fault to one service.
    pub fn only(mut self, service: ProviderKind) -> Fault {
        self.service = Some(service);
        self
    }

    /// Parses the flag form `KIND[:next=N|:p=P][:service=S][:status=C][:retry_after=S][:ms=M]`,
    /// e.g. `server_error:next=3:status=502`, `drop_connection:p=0.05:service=qrcodepro`.
    pub fn parse(text: &str) -> Result<Fault, String> {
        let mut parts = text.trim().split(':');
        let mut spec = FaultSpec {
            kind: parts.next().unwrap_or_default().to_string(),
            ..FaultSpec::default()
        };
        for part in parts {
            let (key, value) =
                part.split_once('=').ok_or_else(|| format!("\"{part}\" is not key=value"))?;
            let number = |what: &str| format!("{what} needs a number, got \"{value}\"");
            match key.trim() {
                "next" => spec.next = Some(value.parse().map_err(|_| number("next"))?),
                "p" | "probability" => {
                    spec.probability = Some(value.parse().map_err(|_| number("p"))?)
                }
                "service" => spec.service = Some(value.to_string()),
                "status" => spec.status = Some(value.parse().map_err(|_| number("status"))?),
                "retry_after" => {
                    spec.retry_after = Some(value.parse().map_err(|_| number("retry_after"))?)
                }
                "ms" => spec.ms = Some(value.parse().map_err(|_| number("ms"))?),
                other => return Err(format!("unknown fault option \"{other}\"")),
            }
        }
        spec.into_fault()
    }
}

/// The JSON form of a fault (control endpoint `POST /_control/faults`):
/// `{"kind":"server_error","next":3,"status":502,"service":"qrcodepro"}`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct FaultSpec {
    /// `server_error`, `too_many_requests`, `plan_limit`, `drop_connection`, `truncated_body`,
    /// `non_json_body` or `latency`.
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probability: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ms: Option<u64>,
}

impl FaultSpec {
    pub fn into_fault(self) -> Result<Fault, String> {
        let kind = match self.kind.trim().to_ascii_lowercase().as_str() {
            "server_error" | "5xx" => {
                let status = self.status.unwrap_or(503);
                if !(500..=599).contains(&status) {
                    return Err("server_error status must be 500..=599".into());
                }
                FaultKind::ServerError { status }
            }
            "too_many_requests" | "429" => {
                FaultKind::TooManyRequests { retry_after_secs: self.retry_after }
            }
            "plan_limit" => FaultKind::PlanLimit,
            "drop_connection" => FaultKind::DropConnection,
            "truncated_body" => FaultKind::TruncatedBody,
            "non_json_body" => {
                let status = self.status.unwrap_or(200);
                if !(200..=599).contains(&status) {
                    return Err("non_json_body status must be 200..=599".into());
                }
                FaultKind::NonJsonBody { status }
            }
            "latency" => FaultKind::Latency { ms: self.ms.unwrap_or(100) },
            other => {
                return Err(format!(
                "unknown fault kind \"{other}\": use server_error, too_many_requests, plan_limit, \
                     drop_connection, truncated_body, non_json_body or latency"
            ))
            }
        };
        let trigger = match (self.next, self.probability) {
            (Some(_), Some(_)) => return Err("give either next or probability, not both".into()),
            (None, Some(p)) if !(0.0..=1.0).contains(&p) => {
                return Err("probability must be 0..=1".into())
            }
            (None, Some(p)) => FaultTrigger::Probability(p),
            (Some(n), None) => FaultTrigger::Next(n),
            (None, None) => FaultTrigger::Next(1),
        };
        let service = match self.service.as_deref() {
            Some(name) => Some(
                ProviderKind::parse(name).ok_or_else(|| format!("unknown service \"{name}\""))?,
            ),
            None => None,
        };
        Ok(Fault { kind, trigger, service })
    }

    pub fn from_fault(fault: &Fault) -> FaultSpec {
        let mut spec = FaultSpec {
            service: fault.service.map(|s| s.as_str().to_string()),
            ..FaultSpec::default()
        };
        match fault.trigger {
            FaultTrigger::Next(n) => spec.next = Some(n),
            FaultTrigger::Probability(p) => spec.probability = Some(p),
        }
        match &fault.kind {
            FaultKind::ServerError { status } | FaultKind::NonJsonBody { status } => {
                spec.status = Some(*status)
            }
            FaultKind::TooManyRequests { retry_after_secs } => spec.retry_after = *retry_after_secs,
            FaultKind::Latency { ms } => spec.ms = Some(*ms),
            FaultKind::PlanLimit | FaultKind::DropConnection | FaultKind::TruncatedBody => {}
        }
        spec.kind = fault.kind.name().to_string();
        spec
    }
}

/// What fired for one request.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fired {
    pub extra_latency_ms: u64,
    /// At most one fault that changes the response.
    pub action: Option<FaultKind>,
}

/// The active faults and the generator their probabilities draw from.
pub struct FaultPlan {
    faults: Vec<Fault>,
    rng: SplitMix64,
    /// How often each kind fired since the start (soak and fault reports).
    fired: std::collections::BTreeMap<&'static str, u64>,
}

impl FaultPlan {
    pub fn new(seed: u64, initial: Vec<Fault>) -> Self {
        FaultPlan {
            faults: initial,
            rng: SplitMix64::new(hash(&[seed, 0xFA17])),
            fired: Default::default(),
        }
    }

    pub fn push(&mut self, fault: Fault) {
        self.faults.push(fault);
    }

    pub fn clear(&mut self) {
        self.faults.clear();
    }

    pub fn list(&self) -> Vec<Fault> {
        self.faults.clone()
    }

    /// How many times each kind of fault fired (`server_error`, `latency`, …).
    pub fn fired(&self) -> std::collections::BTreeMap<String, u64> {
        self.fired.iter().map(|(k, n)| (k.to_string(), *n)).collect()
    }

    /// Decides which faults fire for one request to `service`, in injection order.
    pub fn draw(&mut self, service: ProviderKind) -> Fired {
        let mut fired = Fired::default();
        for fault in &mut self.faults {
            let applies = fault.service.is_none_or(|s| s == service)
                && (fault.kind != FaultKind::PlanLimit || service == ProviderKind::ExaRoutes);
            let is_latency = matches!(fault.kind, FaultKind::Latency { .. });
            if !applies || (!is_latency && fired.action.is_some()) {
                continue;
            }
            let fires = match &mut fault.trigger {
                FaultTrigger::Next(n) if *n > 0 => {
                    *n -= 1;
                    true
                }
                FaultTrigger::Next(_) => false,
                FaultTrigger::Probability(p) => self.rng.chance(*p),
            };
            if !fires {
                continue;
            }
            *self.fired.entry(fault.kind.name()).or_default() += 1;
            match fault.kind {
                FaultKind::Latency { ms } => fired.extra_latency_ms += ms,
                ref kind => fired.action = Some(kind.clone()),
            }
        }
        self.faults.retain(|f| f.trigger != FaultTrigger::Next(0));
        fired
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_n_fires_n_times_for_its_service_only() {
        let fault = Fault::next(FaultKind::ServerError { status: 500 }, 2).only(ProviderKind::QrV1);
        let mut plan = FaultPlan::new(1, vec![fault]);
        assert_eq!(plan.draw(ProviderKind::QrCodePro).action, None);
        assert!(plan.draw(ProviderKind::QrV1).action.is_some());
        assert!(plan.draw(ProviderKind::QrV1).action.is_some());
        assert_eq!(plan.draw(ProviderKind::QrV1).action, None);
        assert!(plan.list().is_empty());
    }

    #[test]
    fn probability_is_deterministic_per_seed() {
        let run = |seed| {
            let mut plan =
                FaultPlan::new(seed, vec![Fault::probability(FaultKind::DropConnection, 0.5)]);
            (0..64).map(|_| plan.draw(ProviderKind::IloveQr).action.is_some()).collect::<Vec<_>>()
        };
        assert_eq!(run(5), run(5));
        let hits = run(5).iter().filter(|h| **h).count();
        assert!((16..=48).contains(&hits), "{hits}");
    }

    #[test]
    fn parses_the_flag_form() {
        let fault = Fault::parse("server_error:next=3:status=502:service=qrcodepro").unwrap();
        assert_eq!(fault.kind, FaultKind::ServerError { status: 502 });
        assert_eq!(fault.trigger, FaultTrigger::Next(3));
        assert_eq!(fault.service, Some(ProviderKind::QrCodePro));
        let fault = Fault::parse("too_many_requests:p=0.25").unwrap();
        assert_eq!(fault.trigger, FaultTrigger::Probability(0.25));
        assert!(Fault::parse("meteor").is_err());
        assert!(Fault::parse("latency:p=2").is_err());
        let spec = FaultSpec::from_fault(&Fault::next(FaultKind::Latency { ms: 5 }, 1));
        assert_eq!(spec.into_fault().unwrap().kind, FaultKind::Latency { ms: 5 });
    }

    #[test]
    fn plan_limit_only_hits_exaroutes() {
        let mut plan = FaultPlan::new(1, vec![Fault::next(FaultKind::PlanLimit, 1)]);
        assert_eq!(plan.draw(ProviderKind::QrCodePro).action, None);
        assert_eq!(plan.draw(ProviderKind::ExaRoutes).action, Some(FaultKind::PlanLimit));
    }
}
