//! The SSRF guard: which addresses pactwatch may connect to.
//!
//! Links in pages and feeds are attacker-controlled, so a URL must not make the
//! daemon talk to the machine it runs on or to its private network. The check
//! runs on the addresses actually connected to (through [`GuardedResolver`])
//! and on literal-IP URLs, including every redirect hop. This file decides;
//! it does not fetch.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};

/// Whether an address is publicly routable. Loopback, private, link-local
/// (cloud metadata lives at 169.254.169.254), CGNAT, multicast, broadcast,
/// documentation, unspecified and unique-local addresses are not; IPv4-mapped
/// and IPv4-compatible IPv6 addresses are judged by their IPv4 part.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => is_public_v4(v4),
            None => is_public_v6(v6),
        },
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_multicast()
        || ip.is_broadcast()
        || ip.is_documentation()
        || a == 0
        || (a == 100 && (64..128).contains(&b)) // CGNAT 100.64.0.0/10
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 198 && (b == 18 || b == 19)) // benchmarking
        || a >= 240) // reserved
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let first = ip.segments()[0];
    let compatible_v4 = ip.segments()[..6].iter().all(|s| *s == 0);
    if compatible_v4 && !ip.is_loopback() && !ip.is_unspecified() {
        let [.., a, b, c, d] = ip.octets();
        return is_public_v4(Ipv4Addr::new(a, b, c, d));
    }
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        || (first & 0xfe00) == 0xfc00 // unique local fc00::/7
        || (first & 0xffc0) == 0xfe80 // link-local fe80::/10
        || (first & 0xffc0) == 0xfec0 // site-local (deprecated)
        || (first == 0x0100 && ip.segments()[1..4] == [0, 0, 0]) // discard-only 100::/64
        || first == 0x2001 && ip.segments()[1] == 0x0db8 // documentation
        || first == 0x0064 && ip.segments()[1] == 0xff9b // NAT64 (maps to IPv4)
        || first == 0x2002 && !is_public_v4(six_to_four(ip))) // 6to4 of a private IPv4
}

/// The IPv4 address a 6to4 address (2002:AABB:CCDD::/48) embeds.
fn six_to_four(ip: Ipv6Addr) -> Ipv4Addr {
    let [_, _, a, b, c, d, ..] = ip.octets();
    Ipv4Addr::new(a, b, c, d)
}

/// The guard's policy: public addresses, plus an exact allowlist, or
/// everything when `allow_private_addresses` is set.
#[derive(Debug, Clone)]
pub struct Guard {
    allow_all: bool,
    allowlist: Vec<IpAddr>,
}

impl Guard {
    pub fn new(allow_all: bool, allowlist: &[IpAddr]) -> Self {
        Self {
            allow_all,
            allowlist: allowlist.iter().map(IpAddr::to_canonical).collect(),
        }
    }

    pub fn allows_everything(&self) -> bool {
        self.allow_all
    }

    /// Whether pactwatch may connect to `ip`. IPv4-mapped IPv6 addresses are
    /// compared by their IPv4 part, so `::ffff:10.0.0.1` is not a way around
    /// an allowlist that names only `10.0.0.2`.
    pub fn permits(&self, ip: IpAddr) -> bool {
        self.allow_all || is_public(ip) || self.allowlist.contains(&ip.to_canonical())
    }
}

/// A hostname whose every address the guard refuses.
#[derive(Debug)]
pub struct Refused {
    pub host: String,
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} resolves only to non-public addresses", self.host)
    }
}

impl std::error::Error for Refused {}

/// A DNS resolver that drops addresses the guard refuses, so a hostname that
/// resolves to 127.0.0.1 or 10.0.0.5 cannot be connected to. It runs at
/// connection time, so DNS rebinding between a check and the connect is moot.
pub struct GuardedResolver(pub Arc<Guard>);

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let guard = self.0.clone();
        Box::pin(async move {
            let host = name.as_str().to_owned();
            let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0))
                .await?
                .filter(|a| guard.permits(a.ip()))
                .collect();
            if addrs.is_empty() {
                return Err(Box::new(Refused { host }) as Box<_>);
            }
            Ok(Box::new(addrs.into_iter()) as Addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_internal_addresses() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "224.0.0.1",
            "255.255.255.255",
            "::1",
            "::",
            "fe80::1",
            "fd00::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "::10.0.0.1",
            "ff02::1",
            "64:ff9b::a9fe:a9fe",
            "2002:a9fe:a9fe::1",
            "100::1",
        ] {
            assert!(!is_public(ip.parse().unwrap()), "{ip} must be refused");
        }
    }

    #[test]
    fn allows_public_addresses() {
        for ip in [
            "93.184.216.34",
            "8.8.8.8",
            "2606:4700::1111",
            "::ffff:8.8.8.8",
            "2002:808:808::1",
        ] {
            assert!(is_public(ip.parse().unwrap()), "{ip} must be allowed");
        }
    }

    #[test]
    fn the_allowlist_exempts_exact_addresses_only() {
        let guard = Guard::new(false, &["127.0.0.1".parse().unwrap()]);
        assert!(guard.permits("127.0.0.1".parse().unwrap()));
        assert!(guard.permits("::ffff:127.0.0.1".parse().unwrap()));
        assert!(!guard.permits("127.0.0.2".parse().unwrap()));
        assert!(!guard.permits("::1".parse().unwrap()));
        assert!(!guard.permits("169.254.169.254".parse().unwrap()));
        assert!(guard.permits("8.8.8.8".parse().unwrap()));
        assert!(Guard::new(true, &[]).permits("10.0.0.1".parse().unwrap()));
    }

    #[tokio::test]
    async fn the_resolver_drops_refused_addresses() {
        let resolve =
            |guard: Guard| GuardedResolver(Arc::new(guard)).resolve("localhost".parse().unwrap());
        let refused = resolve(Guard::new(false, &[])).await;
        let error = refused.err().expect("localhost is refused").to_string();
        assert!(error.contains("non-public"), "{error}");
        let allowed: Vec<IpAddr> = resolve(Guard::new(false, &["127.0.0.1".parse().unwrap()]))
            .await
            .expect("the allowlisted address is kept")
            .map(|a| a.ip())
            .collect();
        assert!(!allowed.is_empty());
        assert!(allowed.iter().all(|ip| *ip == IpAddr::from([127, 0, 0, 1])));
    }
}
