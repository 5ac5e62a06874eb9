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
 * Thin observers: each turns the event into a payload and queues the task that sends it, so a
 * slow or unreachable PeerLoop never holds up the learner's request.
 *
 * @package    local_peerloop
 * @copyright  2026 PeerLoop contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class observer {
    /**
     * An activity's completion state changed (lib/completionlib.php raises it with the learner as
     * relateduserid and the new state in other['completionstate']).
     *
     * @param \core\event\course_module_completion_updated $event
     */
    public static function course_module_completion_updated(\core\event\course_module_completion_updated $event): void {
        global $CFG;
        if (!self::configured() || !self::uses_peerloop((int) $event->courseid)) {
            return;
        }
        $other = $event->other ?? [];
        $userid = (int) ($event->relateduserid ?? ($other['relateduserid'] ?? 0));
        $cmid = (int) $event->contextinstanceid;
        $state = (int) ($other['completionstate'] ?? 0);
        self::queue(event_payload::module_completion(\core\uuid::generate(), $CFG->wwwroot,
            (int) $event->courseid, $cmid, $userid, $state, self::overall($event->courseid, $cmid, $userid),
            (int) $event->timecreated));
    }

    /**
     * A learner completed the course.
     *
     * @param \core\event\course_completed $event
     */
    public static function course_completed(\core\event\course_completed $event): void {
        global $CFG;
        if (!self::configured() || !self::uses_peerloop((int) $event->courseid)) {
            return;
        }
        $userid = (int) ($event->relateduserid ?? 0);
        self::queue(event_payload::course_completion(\core\uuid::generate(), $CFG->wwwroot,
            (int) $event->courseid, $userid, (int) $event->timecreated));
    }

    /**
     * Whether the activity is complete overall (a failed grade may still complete it), where this
     * Moodle can tell (cm_completion_details::is_overall_complete, Moodle 4.0 and later).
     *
     * @param int $courseid
     * @param int $cmid
     * @param int $userid
     * @return bool|null null when it cannot tell; PeerLoop then reads the state
     */
    private static function overall(int $courseid, int $cmid, int $userid): ?bool {
        if (!class_exists('\core_completion\cm_completion_details')
                || !method_exists('\core_completion\cm_completion_details', 'is_overall_complete')) {
            return null;
        }
        try {
            $cm = get_fast_modinfo($courseid, $userid)->get_cm($cmid);
            $details = \core_completion\cm_completion_details::get_instance($cm, $userid);
            return $details->is_overall_complete();
        } catch (\Throwable $e) {
            debugging('local_peerloop: no overall completion for cm ' . $cmid . ': ' . $e->getMessage(), DEBUG_DEVELOPER);
            return null;
        }
    }

    /**
     * Whether the site administrator has set where PeerLoop is and the secret.
     *
     * @return bool
     */
    private static function configured(): bool {
        return !empty(get_config('local_peerloop', 'peerloopurl')) && !empty(get_config('local_peerloop', 'secret'));
    }

    /**
     * Whether the course has a PeerLoop activity: an LTI activity whose tool (a preconfigured tool's
     * base URL, or the activity's own tool URL) is on the PeerLoop URL set here. Completions of
     * other courses are nobody's business at PeerLoop and are never sent.
     *
     * @param int $courseid
     * @return bool
     */
    private static function uses_peerloop(int $courseid): bool {
        global $DB;
        static $known = [];
        if (array_key_exists($courseid, $known)) {
            return $known[$courseid];
        }
        $base = rtrim((string) get_config('local_peerloop', 'peerloopurl'), '/');
        $sql = "SELECT 1
                  FROM {lti} l
             LEFT JOIN {lti_types} t ON t.id = l.typeid
                 WHERE l.course = :course
                   AND (" . $DB->sql_like('t.baseurl', ':base1', false) . "
                        OR " . $DB->sql_like('l.toolurl', ':base2', false) . ")";
        $pattern = $DB->sql_like_escape($base) . '/%';
        $known[$courseid] = $DB->record_exists_sql($sql,
            ['course' => $courseid, 'base1' => $pattern, 'base2' => $pattern]);
        return $known[$courseid];
    }

    /**
     * Queues the sending task.
     *
     * @param array $payload
     */
    private static function queue(array $payload): void {
        $task = new task\send_event();
        $task->set_custom_data($payload);
        \core\task\manager::queue_adhoc_task($task);
    }
}
