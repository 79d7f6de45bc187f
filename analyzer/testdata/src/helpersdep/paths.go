package helpersdep

import (
	"fmt"
	"strconv"

	"go.mongodb.org/mongo-driver/v2/bson"
)

// Paths under a known field, computed by helpers: the end is not known,
// the field they start with is.

func SeatPath(i int) string { return fmt.Sprintf("seats.%d.player", i) } // want SeatPath:`key "seats." \+ \.\.\.`

func SlotKey(i int) string { return "slots." + strconv.Itoa(i) } // want SlotKey:`key "slots." \+ \.\.\.`

func SeatStatus(i int, status string) bson.D { // want SeatStatus:`helper \{seats: \$1\}`
	return bson.D{{Key: SeatPath(i) + ".status", Value: status}}
}

// Not even the first field is known: no fact.
func AnyPath(field string, i int) string { return fmt.Sprintf("%s.%d", field, i) }
