//! Times the start-up stages (a development aid): `cargo run --release -p dyad-core --example startup`.
use dyad_core::actors::ActorRecognizer;
use dyad_core::clean::Boilerplate;
use dyad_core::events::EventCoder;
use dyad_core::lexicon::Lexicon;

fn main() {
    let t0 = std::time::Instant::now();
    let files = dyad_core::dict::builtin_files();
    let dicts = dyad_core::dict::Dictionaries::parse(&files).expect("valid dictionaries");
    let t1 = std::time::Instant::now();
    let _b = Boilerplate::parse("boilerplate.txt", &dicts.boilerplate).expect("valid patterns");
    let t2 = std::time::Instant::now();
    let mut lex = Lexicon::new();
    let (actors, _) = ActorRecognizer::new(&dicts, &mut lex);
    let t3 = std::time::Instant::now();
    let (_events, _) = EventCoder::new(&dicts, &mut lex);
    let t4 = std::time::Instant::now();
    eprintln!(
        "parse {:?}, boilerplate {:?}, actors {:?} ({} phrases), events {:?}; {} words",
        t1 - t0,
        t2 - t1,
        t3 - t2,
        actors.trie.len(),
        t4 - t3,
        lex.len()
    );
}
