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

namespace local_peerloop\privacy;

use core_privacy\local\metadata\collection;

/**
 * The plugin stores nothing of its own; it sends completion events to PeerLoop, an external
 * system, which this declares.
 *
 * @package    local_peerloop
 * @copyright  2026 PeerLoop contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class provider implements \core_privacy\local\metadata\provider {
    /**
     * What leaves Moodle.
     *
     * @param collection $collection
     * @return collection
     */
    public static function get_metadata(collection $collection): collection {
        $collection->add_external_location_link('peerloop', [
            'userid' => 'privacy:metadata:peerloop:userid',
            'courseid' => 'privacy:metadata:peerloop:courseid',
            'cmid' => 'privacy:metadata:peerloop:cmid',
            'completionstate' => 'privacy:metadata:peerloop:completionstate',
            'timecreated' => 'privacy:metadata:peerloop:timecreated',
        ], 'privacy:metadata:peerloop');
        return $collection;
    }
}
