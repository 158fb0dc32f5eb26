//! minhbach ("minh bạch" = transparency) publishes provincial plans — targets, budgets, tasks
//! and progress — as a static website and an open-data package.
//!
//! The pipeline is visible in the modules: [`content`] loads and checks the content directory
//! into the [`model`]; [`budget`] sums money; [`render`] turns the model into pages;
//! [`output`] is the one place that writes files, atomically.

pub mod budget;
pub mod build;
pub mod changes;
pub mod charts;
pub mod content;
pub mod dates;
pub mod derive;
pub mod diagnostics;
pub mod i18n;
pub mod import;
pub mod markdown;
pub mod model;
pub mod opendata;
pub mod output;
pub mod places;
pub mod progress;
pub mod project;
pub mod raster;
pub mod render;
pub mod routes;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod slug;
pub mod source;
pub mod suggest;
pub mod timings;
pub mod updates;
pub mod vietnamese;
pub mod vn_number;
