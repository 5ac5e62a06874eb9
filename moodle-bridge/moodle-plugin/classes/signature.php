<?php
// This file is part of Moodle - https://moodle.org/
//
// Moodle is free software: you can redistribute it and/or modify
// it under the terms of the GNU General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.
//
// Moodle is distributed in the hope that it will be useful,
// but WITHOUT ANY WARRANTY; without even the implied warranty of
// MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
// GNU General Public License for more details.
//
// You should have received a copy of the GNU General Public License
// along with Moodle.  If not, see <https://www.gnu.org/licenses/>.

namespace local_peerloop;

/**
 * The signature PeerLoop checks on every event: HMAC-SHA256 keyed with the shared secret over
 * the Unix time, a full stop and the body exactly as sent.
 *
 * @package    local_peerloop
 * @copyright  2026 PeerLoop contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class signature {
    /** @var string Header carrying the Unix time the request was signed at. */
    const TIMESTAMP_HEADER = 'X-PeerLoop-Timestamp';

    /** @var string Header carrying the signature. */
    const SIGNATURE_HEADER = 'X-PeerLoop-Signature';

    /**
     * The signature header's value.
     *
     * @param string $secret the secret shared with PeerLoop
     * @param int $timestamp Unix time of sending
     * @param string $body the request body, byte for byte
     * @return string sha256= and 64 lower-case hex digits
     */
    public static function sign(string $secret, int $timestamp, string $body): string {
        return 'sha256=' . hash_hmac('sha256', $timestamp . '.' . $body, $secret);
    }
}
