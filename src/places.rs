//! Where people live, before and after 1 July 2025. Since that day people identify with the new
//! xã, phường and đặc khu, while the documents of 2024–2025 give money and tasks to the old
//! districts and communes. This module answers, from the units alone (their `parent`,
//! `successors` and `former_parent`), the questions the place finder and a commune's page ask:
//! which units exist now in a province, which old communes each was formed from and in which
//! old district they lay, and which new units an old district's territory went to.
//!
//! Every answer is read from what the content attests; nothing is inferred from names.

use crate::model::{Site, Unit};

/// The name without its kind ("Xã Tịnh Khê" → "Tịnh Khê"): people look a commune up by its
/// name, not by "Xã".
pub fn bare_name(u: &Unit) -> &str {
    const KINDS: [&str; 8] = [
        "Xã ",
        "Phường ",
        "Đặc khu ",
        "Thị trấn ",
        "Thị Trấn ",
        "Huyện ",
        "Thị xã ",
        "Thành phố ",
    ];
    KINDS
        .iter()
        .find_map(|k| u.name.strip_prefix(k))
        .unwrap_or(&u.name)
}

/// Whether the unit is a commune-level territory that exists today (no end date).
pub fn is_current_commune(u: &Unit) -> bool {
    u.kind.is_commune_level() && u.valid_to.is_none()
}

/// The current provinces that have current communes: those the place finder lists.
pub fn provinces(site: &Site) -> Vec<&Unit> {
    site.units
        .iter()
        .filter(|u| u.kind == crate::model::UnitKind::Province && u.valid_to.is_none())
        .filter(|p| {
            p.children
                .iter()
                .filter_map(|c| site.unit(c))
                .any(is_current_commune)
        })
        .collect()
}

/// An old commune as the place finder lists it: the units it belongs to now.
pub struct OldCommune<'a> {
    pub unit: &'a Unit,
    /// The new units its territory went to (two when the resolution split it).
    pub now: Vec<&'a Unit>,
    /// True for a commune that was not merged: the same unit continues (`former_parent`).
    pub kept: bool,
}

/// An old district and its communes.
pub struct OldDistrict<'a> {
    pub unit: &'a Unit,
    pub communes: Vec<OldCommune<'a>>,
}

/// The places of one province, for the place finder.
pub struct ProvincePlaces<'a> {
    pub province: &'a Unit,
    /// Current communes, wards and special zones, in alphabetical order of their bare names.
    pub current: Vec<&'a Unit>,
    /// The district-level units of the province and of the provinces merged into it, in the
    /// order the content lists them.
    pub districts: Vec<OldDistrict<'a>>,
}

/// The places of `province`.
pub fn of_province<'a>(site: &'a Site, province: &'a Unit) -> ProvincePlaces<'a> {
    let units = |ids: &'a [String]| ids.iter().filter_map(|id| site.unit(id));
    let mut current: Vec<&Unit> = units(&province.children)
        .filter(|u| is_current_commune(u))
        .collect();
    current.sort_by_cached_key(|u| crate::vietnamese::sort_key(bare_name(u)));
    let mut provinces = vec![province];
    provinces.extend(units(&province.predecessors));
    let mut districts = Vec::new();
    for p in provinces {
        for d in units(&p.children).filter(|u| u.kind.is_district_level()) {
            let mut communes: Vec<OldCommune> = units(&d.children)
                .filter(|c| c.kind.is_commune_level())
                .map(|c| OldCommune {
                    unit: c,
                    now: units(&c.successors).collect(),
                    kept: false,
                })
                .collect();
            communes.extend(
                current
                    .iter()
                    .filter(|c| c.former_parent.as_deref() == Some(d.id.as_str()))
                    .map(|c| OldCommune {
                        unit: c,
                        now: vec![*c],
                        kept: true,
                    }),
            );
            communes.sort_by_cached_key(|c| crate::vietnamese::sort_key(bare_name(c.unit)));
            districts.push(OldDistrict { unit: d, communes });
        }
    }
    ProvincePlaces {
        province,
        current,
        districts,
    }
}

/// An old unit a current commune was formed from, with the district it lay in.
pub struct Predecessor<'a> {
    pub unit: &'a Unit,
    pub district: Option<&'a Unit>,
    /// The other current units that also took part of it (a split commune).
    pub shared_with: Vec<&'a Unit>,
}

/// The old units `unit` was formed from, in alphabetical order, each with its old district.
pub fn predecessors<'a>(site: &'a Site, unit: &'a Unit) -> Vec<Predecessor<'a>> {
    let mut out: Vec<Predecessor> = unit
        .predecessors
        .iter()
        .filter_map(|id| site.unit(id))
        .map(|p| Predecessor {
            unit: p,
            district: p
                .parent
                .as_deref()
                .and_then(|d| site.unit(d))
                .filter(|d| d.kind.is_district_level()),
            shared_with: p
                .successors
                .iter()
                .filter(|s| **s != unit.id)
                .filter_map(|s| site.unit(s))
                .collect(),
        })
        .collect();
    out.sort_by_cached_key(|p| crate::vietnamese::sort_key(bare_name(p.unit)));
    out
}

/// The old districts whose territory `unit` now covers (in part): those of its predecessors and
/// its `former_parent`, each once, in the order first met.
pub fn old_districts<'a>(site: &'a Site, unit: &'a Unit) -> Vec<&'a Unit> {
    let mut out: Vec<&Unit> = Vec::new();
    let from_predecessors = predecessors(site, unit)
        .into_iter()
        .filter_map(|p| p.district);
    let former = unit.former_parent.as_deref().and_then(|d| site.unit(d));
    // A district merged whole (Lý Sơn → đặc khu Lý Sơn) is a predecessor itself.
    let whole = unit
        .predecessors
        .iter()
        .filter_map(|id| site.unit(id))
        .filter(|p| p.kind.is_district_level());
    for d in from_predecessors.chain(former).chain(whole) {
        if !out.iter().any(|o| o.id == d.id) {
            out.push(d);
        }
    }
    out
}

/// The current units an old district's territory went to, in alphabetical order: the
/// successors of its communes, and the communes that kept their territory.
pub fn district_successors<'a>(site: &'a Site, district: &'a Unit) -> Vec<&'a Unit> {
    let mut out: Vec<&Unit> = Vec::new();
    let mut push = |u: &'a Unit| {
        if !out.iter().any(|o| o.id == u.id) {
            out.push(u);
        }
    };
    for c in district.children.iter().filter_map(|c| site.unit(c)) {
        if c.kind.is_commune_level() {
            for s in c.successors.iter().filter_map(|s| site.unit(s)) {
                push(s);
            }
        }
    }
    for s in district.successors.iter().filter_map(|s| site.unit(s)) {
        push(s);
    }
    // Communes that kept their territory name their old district; they are few and all current
    // communes of the same province, so the district's province's children are enough.
    let province = district.parent.as_deref().and_then(|p| site.unit(p));
    let mut provinces: Vec<&Unit> = province.into_iter().collect();
    provinces.extend(
        province
            .into_iter()
            .flat_map(|p| p.successors.iter().filter_map(|s| site.unit(s))),
    );
    for p in provinces {
        for c in p.children.iter().filter_map(|c| site.unit(c)) {
            if c.former_parent.as_deref() == Some(district.id.as_str()) {
                push(c);
            }
        }
    }
    out.sort_by_cached_key(|u| crate::vietnamese::sort_key(bare_name(u)));
    out
}
