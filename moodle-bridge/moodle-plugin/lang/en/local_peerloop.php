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

/**
 * English strings.
 *
 * @package    local_peerloop
 * @copyright  2026 PeerLoop contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

defined('MOODLE_INTERNAL') || die();

$string['error_refused'] = 'PeerLoop did not take the event yet: {$a}';
$string['error_unreachable'] = 'PeerLoop could not be reached: {$a}';
$string['peerloopurl'] = 'PeerLoop URL';
$string['peerloopurl_desc'] = 'The address of your PeerLoop server, for example https://peerloop.example.edu/. Events go to its /moodle/events endpoint.';
$string['pluginname'] = 'PeerLoop bridge';
$string['privacy:metadata:peerloop'] = 'When a learner completes an activity or a course of a course that has a PeerLoop activity, the PeerLoop bridge tells PeerLoop, so that the post-course cohort opens for them. Completions in courses without a PeerLoop activity are never sent.';
$string['privacy:metadata:peerloop:cmid'] = 'The activity that was completed.';
$string['privacy:metadata:peerloop:completionstate'] = 'The completion state of the activity.';
$string['privacy:metadata:peerloop:courseid'] = 'The course of the activity.';
$string['privacy:metadata:peerloop:timecreated'] = 'When the completion happened.';
$string['privacy:metadata:peerloop:userid'] = 'The id of the learner whose completion changed.';
$string['secret'] = 'Shared secret';
$string['secret_desc'] = 'The webhook secret PeerLoop showed when the Moodle bridge was set up. Every event is signed with it.';
$string['task_send_event'] = 'Send an event to PeerLoop';
