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

namespace local_peerloop\task;

use local_peerloop\event_payload;
use local_peerloop\signature;

/**
 * Signs and sends one event to PeerLoop with Moodle's curl class (which applies the site's HTTP
 * security settings). A failure that may pass (PeerLoop down, busy, or refusing the signature
 * while the secret is being corrected) throws, so Moodle runs the task again later with a growing
 * delay; a refusal that will not change (PeerLoop does not know the course) is logged and dropped.
 *
 * @package    local_peerloop
 * @copyright  2026 PeerLoop contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class send_event extends \core\task\adhoc_task {
    /** @var int Seconds to wait for PeerLoop's answer. */
    const TIMEOUT = 20;

    /**
     * The task's name in the task logs.
     *
     * @return string
     */
    public function get_name() {
        return get_string('task_send_event', 'local_peerloop');
    }

    /**
     * Sends the event.
     *
     * @throws \moodle_exception when the send should be retried
     */
    public function execute() {
        global $CFG;
        // The curl class lives in filelib.php, which a dedicated ad hoc task worker
        // (admin/cli/adhoc_task.php --execute) has not loaded unless an earlier task did.
        require_once($CFG->libdir . '/filelib.php');
        $url = rtrim((string) get_config('local_peerloop', 'peerloopurl'), '/');
        $secret = (string) get_config('local_peerloop', 'secret');
        if ($url === '' || $secret === '') {
            mtrace('local_peerloop: not configured; event dropped');
            return;
        }
        $body = event_payload::encode((array) $this->get_custom_data());
        $timestamp = time();

        $curl = new \curl();
        $curl->setHeader([
            'Content-Type: application/json',
            signature::TIMESTAMP_HEADER . ': ' . $timestamp,
            signature::SIGNATURE_HEADER . ': ' . signature::sign($secret, $timestamp, $body),
        ]);
        $answer = $curl->post($url . '/moodle/events', $body, [
            'CURLOPT_TIMEOUT' => self::TIMEOUT,
            'CURLOPT_CONNECTTIMEOUT' => 10,
        ]);
        $status = (int) ($curl->get_info()['http_code'] ?? 0);

        if ($curl->get_errno() || $status === 0) {
            throw new \moodle_exception('error_unreachable', 'local_peerloop', '', $curl->error);
        }
        if ($status >= 200 && $status < 300) {
            return;
        }
        if ($status === 401 || $status === 408 || $status === 429 || $status >= 500) {
            throw new \moodle_exception('error_refused', 'local_peerloop', '', $status . ' ' . $answer);
        }
        mtrace('local_peerloop: PeerLoop refused the event for good (' . $status . '): ' . $answer);
    }
}
