#!/usr/bin/env python3
"""
networkx reference timings for bench/analysis-measures.bench.ts: the same measures Solmu computes,
on the same edge list (tab-separated "u v weight" lines), timed one by one.

Usage: python3 bench/networkx_measures.py EDGES.tsv N_NODES [--sources K]
With K, betweenness and harmonic closeness are computed from K sources (seed 1) and their times
scaled by N/K — an estimate of the exact cost, which is linear in the number of sources (a full
run on 10,000 members takes over five minutes); the output says so.
Prints one JSON object: per-measure seconds, their total, and a few values to cross-check.
"""
import json
import random
import sys
import time

import networkx as nx


def main():
    path, n = sys.argv[1], int(sys.argv[2])
    k = int(sys.argv[sys.argv.index("--sources") + 1]) if "--sources" in sys.argv else None
    G = nx.Graph()
    G.add_nodes_from(range(n))
    with open(path, encoding="utf-8") as f:
        for line in f:
            u, v, w = line.split("\t")
            G.add_edge(int(u), int(v), weight=float(w))
    U = nx.Graph(G.edges())  # unweighted copy for the unweighted measures
    U.add_nodes_from(G)
    seconds = {}
    values = {}

    def timed(name, fn):
        start = time.perf_counter()
        result = fn()
        seconds[name] = time.perf_counter() - start
        print(f"  networkx {name}: {seconds[name]:.1f} s", file=sys.stderr, flush=True)
        return result

    timed("degree+strength", lambda: (dict(U.degree()), dict(G.degree(weight="weight"))))
    if k is None:
        bc = timed("betweenness", lambda: nx.betweenness_centrality(U, normalized=False))
    else:
        bc = timed("betweenness", lambda: nx.betweenness_centrality(U, k=k, normalized=False, seed=1))
        seconds["betweenness"] *= n / k
        print(f"    scaled to all {n} sources: {seconds['betweenness']:.1f} s", file=sys.stderr, flush=True)
    values["maxBetweenness"] = max(bc.values())
    if k is None:
        timed("harmonic closeness", lambda: nx.harmonic_centrality(U))
    else:
        sources = random.Random(1).sample(list(U), k)
        timed("harmonic closeness", lambda: nx.harmonic_centrality(U, sources=sources))
        seconds["harmonic closeness"] *= n / k
        print(f"    scaled to all {n} sources: {seconds['harmonic closeness']:.1f} s", file=sys.stderr, flush=True)
    timed("eigenvector", lambda: nx.eigenvector_centrality(U))
    timed("clustering", lambda: nx.clustering(U))
    values["transitivity"] = timed("transitivity", lambda: nx.transitivity(U))
    timed("effective size", lambda: nx.effective_size(U))
    timed("constraint", lambda: nx.constraint(U))
    cores = timed("core number", lambda: nx.core_number(U))
    values["largestKCore"] = max(cores.values())
    cliques = timed("maximal cliques", lambda: list(nx.find_cliques(U)))
    values["maximalCliques"] = sum(1 for c in cliques if len(c) >= 3)
    values["largestClique"] = max(len(c) for c in cliques)
    values["components"] = timed("components", lambda: nx.number_connected_components(U))
    parts = timed("louvain", lambda: nx.community.louvain_communities(U, seed=42))
    values["louvainModularity"] = timed("modularity", lambda: nx.community.modularity(U, parts))
    values["density"] = nx.density(U)
    print(json.dumps({
        "seconds": seconds,
        "total": sum(seconds.values()),
        "timesScaledFromSources": k,
        "values": values,
    }))


if __name__ == "__main__":
    main()
