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
 * The JSON body of an event sent to PeerLoop. The id is made once, when the event is observed,
 * and stays the same on every retry of the task, so PeerLoop processes an event only once.
 *
 * @package    local_peerloop
 * @copyright  2026 PeerLoop contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class event_payload {
    /**
     * An activity's completion changed for a learner.
     *
     * @param string $id unique id of this event
     * @param string $site the site's wwwroot (PeerLoop's LTI issuer for this site)
     * @param int $courseid course id (the LTI context id)
     * @param int $cmid course module id
     * @param int $userid the learner (the LTI subject)
     * @param int $state completion state: 0 incomplete, 1 complete, 2 pass, 3 fail
     * @param bool|null $overall Moodle's verdict on the whole activity, where it can tell
     * @param int $timecreated when the event happened
     * @return array
     */
    public static function module_completion(string $id, string $site, int $courseid, int $cmid,
            int $userid, int $state, ?bool $overall, int $timecreated): array {
        $payload = [
            'id' => $id,
            'site' => $site,
            'event' => '\\core\\event\\course_module_completion_updated',
            'courseid' => $courseid,
            'cmid' => $cmid,
            'userid' => $userid,
            'completionstate' => $state,
            'timecreated' => $timecreated,
        ];
        if ($overall !== null) {
            $payload['overallcomplete'] = $overall;
        }
        return $payload;
    }

    /**
     * A learner completed a course.
     *
     * @param string $id unique id of this event
     * @param string $site the site's wwwroot
     * @param int $courseid course id
     * @param int $userid the learner
     * @param int $timecreated when the event happened
     * @return array
     */
    public static function course_completion(string $id, string $site, int $courseid, int $userid,
            int $timecreated): array {
        return [
            'id' => $id,
            'site' => $site,
            'event' => '\\core\\event\\course_completed',
            'courseid' => $courseid,
            'userid' => $userid,
            'timecreated' => $timecreated,
        ];
    }

    /**
     * The body as sent and signed.
     *
     * @param array $payload
     * @return string
     */
    public static function encode(array $payload): string {
        return json_encode($payload, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR);
    }
}
