<?php
// This file is part of PeerLoop's tests, not of the Moodle plugin: it runs with plain `php`
// (no Moodle) and checks the plugin's signature and payload code against the vectors the Java
// side checks too. MoodlePluginPhpTest runs it and reads what it prints.

define('MOODLE_INTERNAL', true);

$plugin = __DIR__ . '/../../../moodle-plugin';
require($plugin . '/classes/signature.php');
require($plugin . '/classes/event_payload.php');

use local_peerloop\event_payload;
use local_peerloop\signature;

$vectors = json_decode(file_get_contents(__DIR__ . '/../resources/moodle/webhook-signature-vectors.json'), true);
$failures = 0;
foreach ($vectors['vectors'] as $i => $vector) {
    $signed = signature::sign($vector['secret'], $vector['timestamp'], $vector['body']);
    if (!hash_equals($vector['signature'], $signed)) {
        fwrite(STDERR, "vector $i: expected {$vector['signature']}, got $signed\n");
        $failures++;
    }
}

// Bodies built by the plugin, signed by the plugin: the Java test parses and verifies each.
$secret = 'cross-check-secret';
$payloads = [
    event_payload::module_completion('0b6f3c2e-6a43-4d1e-9d61-2f4f8f1a9c10', 'https://moodle.example.edu/sub',
        42, 102, 5, 1, true, 1733219990),
    event_payload::module_completion('1c7f3c2e-6a43-4d1e-9d61-2f4f8f1a9c11', 'https://moodle.example.edu/sub',
        42, 103, 5, 3, null, 1733219991),
    event_payload::course_completion('2d8f3c2e-6a43-4d1e-9d61-2f4f8f1a9c12', 'https://moodle.example.edu/sub',
        42, 5, 1733219992),
];
foreach ($payloads as $payload) {
    $body = event_payload::encode($payload);
    $timestamp = 1733220000;
    echo json_encode(['timestamp' => $timestamp, 'signature' => signature::sign($secret, $timestamp, $body),
        'body' => $body], JSON_UNESCAPED_SLASHES), "\n";
}

if ($failures > 0) {
    exit(1);
}
echo 'ok ', count($vectors['vectors']), " vectors\n";
